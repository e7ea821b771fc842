@browser @javascript
Feature: JavaScript and HTML - run the page the way a browser runs it
  The flow's own pages (IdP auto-POST, IdS relay, login form) are exercised in features/03 and 04 (J1, J2,
  J4, J7-J10, J12); these scenarios cover the other page behaviours.

  @req:J3 @severity:warn @needs:browse @needs:lab-pages
  Scenario: A form that only a noscript button submits is submitted, or reported instead of hanging
    When the client opens "${idp}/lab/j3/page"
    Then the noscript form was posted to "https://idp.test/lab/j3/post" or the client said why it stopped

  @req:J5 @severity:warn @needs:browse @needs:lab-pages
  Scenario: A meta refresh is followed
    When the client opens "${ids}/lab/j5/page"
    Then the client requested GET "https://ids.test/lab/j5/target"

  @req:J6 @severity:fail @needs:browse @needs:javascript @needs:lab-pages
  Scenario: Script navigation (window.location after setTimeout, then location.replace) is followed
    When the client opens "${ids}/lab/j6/page"
    Then the client requested GET "https://ids.test/lab/j6/next"
    And the client requested GET "https://ids.test/lab/j6/final"

  @req:J11 @severity:info @needs:lab-pages
  Scenario: The SSO test page's result is read from the ssotest cookie
    Given a UCCE system in SSO mode
    When agent "sjefferson" requests a token with cc_username in the query
    And the client runs the SSO test page
    Then the client reports the SSO test as passed
