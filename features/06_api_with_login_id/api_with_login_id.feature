@step:6
Feature: Step 6 - use the loginId in every later call
  The sign-in is PUT /finesse/api/User/{loginId} with <User><state>LOGIN</state><extension>…</extension>
  </User>, Content-Type application/xml and the Bearer token in the Authorization header: 202 Accepted.
  On UCCE a loginName in that URL is refused (401 Invalid Authorization User Specified).

  @req:P6 @req:F5 @req:F7 @severity:fail @replay
  Scenario: Agent sjefferson signs in as loginId 98411
    Given a UCCE system in SSO mode
    When agent "sjefferson" connects with extension "98411"
    Then the sign-in PUT for loginId "98411" and extension "98411" was accepted
    And every state change named loginId "98411"
    And every User API call carried the token as a Bearer header and never in a URL

  @req:F7 @severity:fail @replay
  Scenario: After the sign-in the client reads its own User object with the loginId
    Given a UCCE system in SSO mode
    When agent "sjefferson" connects with extension "98411"
    And the client reads its own User object
    Then the client's User object read succeeded
    And every User API call carried the token as a Bearer header and never in a URL

  @req:F12 @severity:warn @needs:stub-control
  Scenario: A token Finesse keeps refusing leads to one renewal and one retry, not a storm
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    And Finesse starts refusing every Bearer token
    When the client reads its own User object
    Then the client renewed its token at most once for the 401 and retried at most once

  @req:F11 @severity:fail @stub-idp @needs:refresh @needs:stub-control @needs:virtual-clock
  Scenario: An expired access token on a REST call leads to one renewal, then the call succeeds
    Given a UCCE system in SSO mode
    And refresh tokens live 400 seconds
    And agent "sjefferson" has connected with extension "98411"
    When 500 seconds pass while the client sleeps
    And the client reads its own User object
    Then the client signed in again once after its refresh was refused
    And the client's User object read succeeded

  @req:F21 @severity:fail @needs:stub-control
  Scenario: REST calls carry one Authorization header, the Bearer, and never the password, also after a 401
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    And Finesse starts refusing every Bearer token
    When the client reads its own User object
    Then every Finesse API call carried one Authorization header, the Bearer, and no password
