@step:7 @needs:refresh
Feature: Step 7 - refresh the access token before it expires
  A client refreshes before the access token runs out (a FAIL otherwise); Cisco advises third-party apps to
  wait for 75 % of expires_in (300 s here, so from 225 s: a WARN). The refresh sends the refresh token:
  the 12.5 guide's POST form (token + refresh-token) or TechNote 215626's GET query (a WARN: the token lands
  in URLs). A refresh answer carries a refresh_token; by default the old one stays valid (IdS revoking it
  is an opt-in world variant). An expired refresh token means one sign-in again. The clock is virtual and
  jumps; each jump also wakes the client 1 s before its newest access token expires, so a client that refreshes
  late but in time (at 95 %, say) is judged on what it does, not failed for a jump over its moment.

  @req:F8 @severity:fail @needs:virtual-clock @replay
  Scenario: The client refreshes before the access token expires
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    When 200 seconds pass
    And 100 seconds pass
    Then the client refreshed before the access token expired
    When the client reads its own User object
    Then the client's User object read succeeded

  @req:F14 @severity:warn @needs:virtual-clock @replay
  Scenario: The client does not refresh before 75 % of expires_in
    An early refresh is wasteful, not broken: Cisco's own example refreshed 40 s into a 300 s token.
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    When 200 seconds pass
    Then the client has not refreshed before 225 seconds

  @req:F9 @req:P7 @severity:fail @needs:virtual-clock @replay
  Scenario: A refresh sends the refresh token and gets a new access token
    The 12.5 guide's POST form (token + refresh-token) and TechNote 215626's GET query
    (cc_username + refresh-token) are both Cisco's.
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    When 300 seconds pass
    Then the refresh sent the refresh token
    When the client reads its own User object
    Then the client's User object read succeeded
    And every Finesse API call after a refresh carried the refreshed access token

  @req:F15 @severity:warn @needs:virtual-clock @replay
  Scenario: The refresh is a form POST, so the refresh token stays out of URLs
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    When 300 seconds pass
    Then the refresh was a form POST, keeping the refresh token out of the URL

  @req:F16 @severity:warn @needs:virtual-clock
  Scenario: Each refresh uses the refresh token the one before returned
    Cisco never says an old refresh token stops working, so by default this is a warning.
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    When 300 seconds pass
    And 300 seconds pass
    And 300 seconds pass
    Then each refresh posted the access token it renewed
    And each of the 3 refreshes used a refresh token not used before

  @req:F9 @severity:fail @needs:stub-control @needs:virtual-clock
  Scenario: Where IdS revokes used refresh tokens, each refresh sends the newest one
    Given a UCCE system in SSO mode
    And IdS revokes a refresh token once it is used
    And agent "sjefferson" has connected with extension "98411"
    When 300 seconds pass
    And 300 seconds pass
    And 300 seconds pass
    Then each of the 3 refreshes sent the refresh token the one before returned, and got a token

  @req:F11 @severity:fail @stub-idp @needs:stub-control @needs:virtual-clock
  Scenario: An expired refresh token leads to one full sign-in, not a loop
    Given a UCCE system in SSO mode
    And refresh tokens live 200 seconds
    And agent "sjefferson" has connected with extension "98411"
    When 300 seconds pass
    Then the client signed in again once after its refresh was refused
    When the client reads its own User object
    Then the client's User object read succeeded

  @req:F10 @severity:warn @needs:stub-control @needs:virtual-clock
  Scenario: A refresh answered with a redirect into IdS is followed to a new token
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    And Finesse answers refresh requests by redirecting to IdS
    When 300 seconds pass
    Then the client followed the refresh redirect to a new token
    When the client reads its own User object
    Then the client's User object read succeeded

  @req:F20 @severity:warn @needs:virtual-clock
  Scenario: Cycle after cycle, each refresh comes at 75-100 % of the lifetime of the token it renews
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    When 240 seconds pass
    And 30 seconds pass
    And 30 seconds pass
    And 30 seconds pass
    And 150 seconds pass
    And 240 seconds pass
    Then up to 720 seconds every token was renewed between 75 % and 100 % of its lifetime

  @req:F8 @severity:fail @needs:virtual-clock
  Scenario: Cycle after cycle, no access token runs out before the client renews it
    A timer that refreshes once and then stops lets the second token expire: Finesse refuses an expired
    token (Developer Guide 12.5), so this is F8, whatever the timing advice of F20.
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    When 240 seconds pass
    And 30 seconds pass
    And 30 seconds pass
    And 30 seconds pass
    And 150 seconds pass
    And 240 seconds pass
    Then up to 720 seconds no access token ran out before the client renewed it

  @req:F11 @severity:fail @needs:stub-control @needs:virtual-clock
  Scenario: A sign-in again asks for a refresh token again, so the next renewal is a refresh
    Given a UCCE system in SSO mode
    And refresh tokens live 200 seconds
    And agent "sjefferson" has connected with extension "98411"
    And refresh tokens live 7200 seconds
    When 300 seconds pass
    And 300 seconds pass
    Then after signing in again the client renewed its token with a refresh

  @req:F22 @severity:fail @needs:stub-control @needs:virtual-clock
  Scenario: Each authorization code is presented once, also across a sign-in again
    Given a UCCE system in SSO mode
    And refresh tokens live 200 seconds
    And agent "sjefferson" has connected with extension "98411"
    When 300 seconds pass
    Then each authorization code went to Finesse once
