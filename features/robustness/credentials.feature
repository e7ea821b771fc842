@robustness @credentials
Feature: Credentials only where they belong
  The IdP password goes only over HTTPS to the origin that served the login page (S1); Basic credentials never
  travel over plain http (S2); an https page opens no plain http or ws:// sub-connection (S3); an answer the
  client cannot read never changes which credentials it sends, it stops the client (S4).

  Background:
    Given the client's limits are:
      | operation deadline | 4 s     |
      | read timeout       | 2 s     |
      | connect timeout    | 2 s     |
      | script run         | 1 s     |
      | script settle      | 2 s     |

  # Browsers do post a form to another origin (only password managers hold back), so that half of S1 is a WARN;
  # posting the password over plain http from an https page is what browsers warn about: FAIL.
  @req:S1 @severity:warn @needs:hostile
  Scenario: A login form that posts to another host gets no password
    Given a UCCE system in SSO mode
    And the IdP login page's form posts to "${idp.ids}/adfs/ls/"
    When agent "sjefferson" requests a token with cc_username in the query
    Then the IdP password went only over https to the origin of the login page
    And the client stopped with a report naming "S1, another origin, idp.ids.test"

  @req:S1 @severity:fail @needs:hostile
  Scenario: A login form that posts over plain http gets no password
    Given a UCCE system in SSO mode
    And the IdP login page's form posts to "${finesse-http}/adfs/ls/"
    When agent "sjefferson" requests a token with cc_username in the query
    Then the IdP password went only over https to the origin of the login page
    And the client stopped with a report naming "S1, plain http, http://finesse.test"

  @req:S2 @severity:fail @needs:stub-control
  Scenario: An http:// Finesse URL gets no Basic credentials
    Given a UCCE system in NON_SSO mode
    And the client's Finesse URL is the plain http one
    When agent "bbasic" connects with extension "98420"
    Then no credentials travelled over plain http
    And the client stopped with a report naming "plain http, https://, host finesse.test, /finesse/api/"

  @req:S3 @severity:fail @needs:hostile @needs:lab-pages
  Scenario: An https page cannot fetch over plain http (mixed content)
    Given Finesse answers "/lab/s3/xhr-page" with HTTP 200 "text/html;charset=utf-8":
      """
      <html><head><title>s3</title></head><body><script>
      try { var x = new XMLHttpRequest(); x.open("GET", "${finesse-http}/lab/s3/data", false); x.send(); }
      catch (e) { document.title = "blocked"; }
      </script></body></html>
      """
    When the client opens "${finesse}/lab/s3/xhr-page"
    Then the https page "https://finesse.test/lab/s3/xhr-page" opened no plain http or ws connection under "/lab/s3/"
    And the client stopped with a report naming "mixed content, http://finesse.test, /lab/s3/data"

  @req:S3 @severity:fail @needs:hostile @needs:lab-pages
  Scenario: An https page cannot open a ws:// socket (mixed content)
    Given Finesse answers "/lab/s3/ws-page" with HTTP 200 "text/html;charset=utf-8":
      """
      <html><head><title>s3</title></head><body><script>
      try { var socket = new WebSocket("${finesse-http}/lab/s3/socket".replace("http:", "ws:")); }
      catch (e) { document.title = "blocked"; }
      </script></body></html>
      """
    When the client opens "${finesse}/lab/s3/ws-page"
    Then the https page "https://finesse.test/lab/s3/ws-page" opened no plain http or ws connection under "/lab/s3/"
    And the client stopped with a report naming "mixed content, ws://finesse.test, /lab/s3/socket"

  @req:S4 @severity:fail @needs:hostile
  Scenario: A malformed UserAuthMode answer stops the client before any credentials go out
    Given a UCCE system in HYBRID mode
    And Finesse answers "/finesse/api/UserAuthMode/sjefferson" with HTTP 200 "application/xml":
      """
      <UserAuthMode><authMode>SSO
      """
    When agent "sjefferson" connects with extension "98411"
    Then no credentials went out after the unreadable answer from "/finesse/api/UserAuthMode/"
    And the client stopped with a report naming "UserAuthMode, could not be read, none were sent"

  @req:S4 @severity:fail @needs:hostile
  Scenario: An unknown systemAuthMode stops the client before any credentials go out
    Given Finesse answers "/finesse/api/SystemInfo" with HTTP 200 "application/xml":
      """
      <SystemInfo><systemAuthMode>SSO_MAYBE</systemAuthMode><deploymentType>UCCE</deploymentType></SystemInfo>
      """
    When agent "sjefferson" connects with extension "98411"
    Then no credentials went out after the unreadable answer from "/finesse/api/SystemInfo"
    And the client stopped with a report naming "SystemInfo, SSO_MAYBE, host finesse.test"
