@robustness @hostile
Feature: Hostile servers - malformed and oversized answers from each API
  The client reads only what it can parse and only as much as its limits allow (page, JSON and XML sizes are
  client settings, short here). An answer it cannot read stops it with a report that names the hop; it never
  guesses, and it sends no credentials on the strength of an unreadable answer.

  Background:
    Given the client's limits are:
      | operation deadline | 4 s     |
      | read timeout       | 2 s     |
      | connect timeout    | 2 s     |
      | script run         | 1 s     |
      | script settle      | 2 s     |
      | page size          | 256 KiB |
      | json size          | 64 KiB  |
      | xml size           | 64 KiB  |

  @req:H1 @severity:fail @needs:hostile
  Scenario: SystemInfo answers truncated XML
    Given Finesse answers "/finesse/api/SystemInfo" with HTTP 200 "application/xml":
      """
      <SystemInfo><systemAuthMode>SSO</systemAuth
      """
    When agent "sjefferson" connects with extension "98411"
    Then the client stopped with a report naming "SystemInfo, could not be read, host finesse.test"
    And no credentials went out after the unreadable answer from "/finesse/api/SystemInfo"

  @req:H2 @severity:fail @needs:hostile @needs:lab-pages
  Scenario: SystemInfo declares an external entity (XXE); nothing is fetched or expanded
    Given Finesse answers "/finesse/api/SystemInfo" with HTTP 200 "application/xml":
      """
      <?xml version="1.0"?><!DOCTYPE s [<!ENTITY mode SYSTEM "${finesse-http}/lab/h2/entity">]>
      <SystemInfo><systemAuthMode>&mode;</systemAuthMode><deploymentType>UCCE</deploymentType></SystemInfo>
      """
    When the client reads the system auth mode
    Then the client stopped with a report naming "SystemInfo, could not be read, &mode;"
    And the https page "https://finesse.test/finesse/api/SystemInfo" opened no plain http or ws connection under "/lab/h2/"

  @req:H3 @severity:warn @needs:hostile
  Scenario: SystemInfo answers more XML than the client's XML limit
    Given Finesse answers "/finesse/api/SystemInfo" with 200 KiB of "<x>padding</x>" as "application/xml"
    When the client reads the system auth mode
    Then the client stopped with a report naming "/finesse/api/SystemInfo, 64 KiB, XML"

  @req:H4 @severity:fail @needs:hostile
  Scenario: UserAuthMode answers an HTML page with HTTP 200
    Given a UCCE system in HYBRID mode
    And Finesse answers "/finesse/api/UserAuthMode/sjefferson" with HTTP 200 "text/html":
      """
      <html><body><h1>Welcome</h1></body></html>
      """
    When agent "sjefferson" connects with extension "98411"
    Then the client stopped with a report naming "UserAuthMode, could not be read, none were sent"
    And no credentials went out after the unreadable answer from "/finesse/api/UserAuthMode/"

  @req:H5 @severity:fail @needs:hostile
  Scenario: The token endpoint answers truncated JSON
    Given Finesse answers "/desktop/sso/token" with HTTP 200 "application/json":
      """
      {"token": "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "expires_in": 3
      """
    When agent "sjefferson" requests a token with cc_username in the query
    Then the client stopped with a report naming "not valid JSON, /desktop/sso/token"

  @req:H6 @severity:warn @needs:hostile
  Scenario: The token endpoint answers more JSON than the client's JSON limit
    Given Finesse answers "/desktop/sso/token" with 200 KiB of "{\"a\":1}," as "application/json"
    When agent "sjefferson" requests a token with cc_username in the query
    Then the client stopped with a report naming "/desktop/sso/token, 64 KiB, JSON"

  @req:H7 @severity:warn @needs:hostile
  Scenario: The token endpoint answers JSON nested thousands deep
    Given Finesse answers "/desktop/sso/token" with 20 KiB of "[" as "application/json"
    When agent "sjefferson" requests a token with cc_username in the query
    Then the client stopped with a report naming "not valid JSON, /desktop/sso/token"

  @req:H8 @severity:fail @needs:hostile
  Scenario: The User API answers XML without a loginId
    Given a UCCE system in NON_SSO mode
    And Finesse answers "/finesse/api/User/bbasic" with HTTP 200 "application/xml":
      """
      <User><loginName>bbasic</loginName><loginId></User>
      """
    When agent "bbasic" connects with extension "98420"
    Then the client stopped with a report naming "/finesse/api/User/bbasic, loginId"

  @req:H9 @severity:warn @needs:hostile @needs:lab-pages
  Scenario: A 100 MB page sent chunked is cut off at the page limit, never buffered
    Given a hostile server on "finesse.test" that sends a 100 MB page
    When the client opens "/h9/page" on that server
    Then the client stopped with a report naming "GET, finesse.test, /h9/page, 256 KiB, stopped reading"

  @req:H10 @severity:warn @needs:hostile @needs:lab-pages
  Scenario: A 100 MB page announced by its Content-Length is refused before it is read
    Given a hostile server on "finesse.test" that announces a 100 MB page
    When the client opens "/h10/page" on that server
    Then the client stopped with a report naming "GET, finesse.test, /h10/page, Content-Length, 256 KiB, not read"
