@browser @redirects
Feature: Redirects - follow what the server says, as a browser does
  RFC 9110 §15.4 and WHATWG Fetch: follow 301/302/303/307/308, switch to GET after a 303 (and after a 301/302
  to a POST), keep method and body on 307/308, resolve relative Locations against the current URL, stop loops,
  never carry Authorization to another origin, never send Secure cookies over http.

  @req:R1 @severity:fail @needs:browse @needs:lab-pages
  Scenario: Every redirect status is followed: 301, 302, 303, 307, 308
    When the client opens "${finesse}/lab/r1/301"
    Then the client requested GET "https://finesse.test/lab/r1/308"
    And the client requested GET "https://finesse.test/lab/r1/done"

  @req:R2 @severity:fail @needs:browse @needs:lab-pages
  Scenario: A POST answered 303 or 302 is followed with a GET without body
    When the client opens "${finesse}/lab/r2/form"
    Then "https://finesse.test/lab/r2/after303" was requested with GET and no body
    And "https://finesse.test/lab/r2/after302" was requested with GET and no body

  @req:R3 @severity:fail @needs:browse @needs:lab-pages
  Scenario: A POST answered 307 or 308 is repeated with the same method and body
    When the client opens "${finesse}/lab/r3/form"
    Then the body posted to "https://finesse.test/lab/r3/post307" was posted again, unchanged, to "https://finesse.test/lab/r3/target307"
    And the body posted to "https://finesse.test/lab/r3/post308" was posted again, unchanged, to "https://finesse.test/lab/r3/target308"

  @req:R4 @severity:fail @needs:browse @needs:lab-pages
  Scenario: Relative Locations resolve against the current URL: ../, query-only, scheme-relative, absolute path
    When the client opens "${finesse}/lab/r4/a/b/start"
    Then the client requested GET "https://finesse.test/lab/r4/a/c/relative"
    And the client requested GET "https://ids.test/lab/r4/scheme-relative"
    And the client requested GET "https://ids.test/lab/r4/done"

  @req:R5 @severity:info @needs:browse @needs:lab-pages
  Scenario: A Location without fragment keeps the fragment of the original URL
    When the client opens "${finesse}/lab/r5/start#agent-desktop"
    Then the client reports the final address "${finesse}/lab/r5/landing#agent-desktop"

  @req:R6 @severity:fail @needs:browse @needs:lab-pages
  Scenario: A redirect loop is stopped within about 20 hops and reported
    When the client opens "${finesse}/lab/r6/a"
    Then the client stopped the loop under "/lab/r6/" within 21 requests and reported it

  @req:R8 @severity:fail @needs:lab-pages
  Scenario: The Bearer token is not carried to another origin after a redirect
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    When the client calls the Finesse API "/finesse/api/LabRedirect"
    Then no Authorization header went to "https://idp.test/lab/r8/landing"

  @req:R9 @severity:warn @needs:browse @needs:lab-pages
  Scenario: An https -> http downgrade carries no Secure cookie
    When the client opens "${finesse}/lab/r9/start"
    Then cookie "r9s" was not sent to "http://finesse.test/lab/r9/plain"
    And cookie "r9p" was sent to "http://finesse.test/lab/r9/plain"

  @req:R10 @severity:info
  Scenario: The SAML POST to IdS carries Origin or Referer, as a browser's does
    Given a UCCE system in SSO mode
    When agent "sjefferson" requests a token with cc_username in the query
    Then an Origin or Referer header went to "https://ids.test/ids/saml/response"
    And the Referer sent to "https://ids.test/ids/saml/response" named an origin only

  @req:R2 @severity:fail @needs:lab-pages
  Scenario: A POST answered 301 is followed with a GET without body, as every browser does
    When the client opens "${finesse}/lab/r2/form301"
    Then "https://finesse.test/lab/r2/after301" was requested with GET and no body

  @req:R11 @severity:fail @needs:lab-pages
  Scenario: A body re-posted after a 307 or 308 keeps its Content-Type and Content-Length
    When the client opens "${finesse}/lab/r3/form"
    Then the re-POST to "https://finesse.test/lab/r3/target307" kept the Content-Type and Content-Length of the POST to "https://finesse.test/lab/r3/post307"
    And the re-POST to "https://finesse.test/lab/r3/target308" kept the Content-Type and Content-Length of the POST to "https://finesse.test/lab/r3/post308"

  @req:R12 @severity:fail @needs:lab-pages
  Scenario: A Location is followed with its percent-encodings as sent
    When the client opens "${finesse}/lab/r12/start"
    Then the client requested "https://finesse.test/lab/r12/a%20b/c%C3%A9?q=%2B%26%2F" with its percent-encodings unchanged

  @req:R13 @severity:fail @needs:lab-pages
  Scenario: The URL fragment never reaches the server
    When the client opens "${finesse}/lab/r5/start#agent-desktop"
    Then no request carried the fragment "agent-desktop"
    And the client requested GET "https://finesse.test/lab/r5/landing"
