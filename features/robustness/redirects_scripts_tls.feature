@robustness @hostile
Feature: Hostile servers - redirect loops and bad schemes, script loops, TLS faults
  A redirect to a scheme other than http/https is a network error in every browser (WHATWG Fetch, HTTP-redirect
  fetch); so is a redirect loop past 20 hops. A page script that never ends is stopped by the client's script
  limit, in a timer callback too. A certificate from an unknown CA, for other names or out of date is refused
  (RFC 5280 §6, RFC 9110 §4.3.4), and the report says which trust store, which names, which dates.

  Background:
    Given the client's limits are:
      | operation deadline | 4 s     |
      | read timeout       | 2 s     |
      | connect timeout    | 2 s     |
      | script run         | 1 s     |
      | script settle      | 2 s     |

  @req:H17 @severity:fail @needs:hostile @needs:lab-pages
  Scenario: A redirect loop between Finesse and IdS
    Given Finesse redirects "/lab/h17/a" to "${ids}/lab/h17/b"
    And IdS redirects "/lab/h17/b" to "${finesse}/lab/h17/a"
    When the client opens "${finesse}/lab/h17/a"
    Then the client stopped the loop under "/lab/h17/" within 21 requests and reported it

  @req:H18 @severity:fail @needs:hostile @needs:lab-pages
  Scenario: A redirect to a javascript: URL is refused and named
    Given Finesse redirects "/lab/h18/start" to "javascript:alert(document.cookie)"
    When the client opens "${finesse}/lab/h18/start"
    Then the client stopped with a report naming "javascript:, neither http nor https, /lab/h18/start"

  @req:H19 @severity:fail @needs:hostile @needs:lab-pages
  Scenario: A redirect to a file: URL is refused and named
    Given Finesse redirects "/lab/h19/start" to "file:///etc/passwd"
    When the client opens "${finesse}/lab/h19/start"
    Then the client stopped with a report naming "file:, neither http nor https, /lab/h19/start"

  @req:H20 @severity:fail @needs:hostile @needs:lab-pages
  Scenario: A redirect to a data: URL is refused and named
    Given Finesse redirects "/lab/h20/start" to "data:text/html,<script>alert(1)</script>"
    When the client opens "${finesse}/lab/h20/start"
    Then the client stopped with a report naming "data:, neither http nor https, /lab/h20/start"

  @req:H21 @severity:warn @needs:hostile @needs:lab-pages
  Scenario: A page script that never ends is stopped by the script limit
    Given Finesse answers "/lab/h21/page" with HTTP 200 "text/html;charset=utf-8":
      """
      <html><head><title>h21</title></head><body><script>while (true) {}</script></body></html>
      """
    When the client opens "${finesse}/lab/h21/page"
    Then the client stopped with a report naming "/lab/h21/page, 1 s script limit"

  @req:H25 @severity:warn @needs:hostile @needs:lab-pages
  Scenario: A timer callback that never ends is stopped by the script limit
    Given Finesse answers "/lab/h25/page" with HTTP 200 "text/html;charset=utf-8":
      """
      <html><head><title>h25</title></head><body><script>setTimeout(function () { while (true) {} }, 10);</script></body></html>
      """
    When the client opens "${finesse}/lab/h25/page"
    Then the client stopped with a report naming "/lab/h25/page, 1 s script limit"

  @req:H22 @severity:fail @needs:hostile @needs:lab-pages
  Scenario: A certificate for other host names is refused, naming the certificate's names
    Given a server on "finesse.test" with a certificate for other names
    When the client opens "/h22/page" on that server
    Then the client stopped with a report naming "GET, host finesse.test, /h22/page, TLS failed, elsewhere.test"

  @req:H23 @severity:fail @needs:hostile @needs:lab-pages
  Scenario: A certificate from an unknown CA is refused, naming the trust store the client uses
    Given a server on "finesse.test" with a certificate from an unknown CA
    When the client opens "/h23/page" on that server
    Then the client stopped with a report naming "GET, host finesse.test, /h23/page, TLS failed, trusts only, stub-ca-truststore.p12"

  @req:H24 @severity:fail @needs:hostile @needs:lab-pages
  Scenario: An expired certificate is refused, naming its dates
    Given a server on "finesse.test" with an expired certificate
    When the client opens "/h24/page" on that server
    Then the client stopped with a report naming "GET, host finesse.test, /h24/page, TLS failed, expired, valid until"
