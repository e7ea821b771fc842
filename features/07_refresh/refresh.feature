@step:7
Feature: Step 7 - refresh the access token before it expires
  Third-party clients refresh after 75 % of expires_in (300 s here, so from 225 s) and before it runs
  out: POST /desktop/sso/token, form-encoded token + refresh-token, cc_username again. Refresh tokens
  rotate: the one a refresh returns replaces the old, which IdS then refuses. An expired refresh token
  means one full sign-in again. The clock here is virtual: nothing sleeps.

  @req:F8 @severity:fail
  Scenario: The client refreshes between 75 % and 100 % of expires_in
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    When 200 seconds pass
    Then the client has not refreshed before 225 seconds
    When 40 seconds pass
    Then the client refreshed between 225 and 300 seconds
    When the client reads its own User object
    Then the client's User object read succeeded

  @req:F9 @req:P7 @severity:fail
  Scenario: A refresh is a form POST with both tokens and cc_username
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    When 240 seconds pass
    Then the refresh was a form POST of token, refresh-token and cc_username
    When the client reads its own User object
    Then the client's User object read succeeded
    And every Finesse API call after a refresh carried the refreshed access token

  @req:F9 @severity:fail
  Scenario: The rotated refresh token replaces the old one
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    When 240 seconds pass
    And 240 seconds pass
    And 240 seconds pass
    Then each refresh posted the access token it renewed
    And each of the 3 refreshes used a refresh token not used before

  @req:F11 @severity:fail
  Scenario: An expired refresh token leads to one full sign-in, not a loop
    Given a UCCE system in SSO mode
    And refresh tokens live 200 seconds
    And agent "sjefferson" has connected with extension "98411"
    When 240 seconds pass
    Then the client signed in again once after its refresh was refused
    When the client reads its own User object
    Then the client's User object read succeeded

  @req:F10 @severity:fail
  Scenario: A refresh answered with a redirect into IdS is followed to a new token
    Given a UCCE system in SSO mode
    And agent "sjefferson" has connected with extension "98411"
    And Finesse answers refresh requests by redirecting to IdS
    When 240 seconds pass
    Then the client followed the refresh redirect to a new token
    When the client reads its own User object
    Then the client's User object read succeeded

  @req:F20 @severity:fail
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

  @req:F11 @severity:fail
  Scenario: A sign-in again asks for a refresh token again, so the next renewal is a refresh
    Given a UCCE system in SSO mode
    And refresh tokens live 200 seconds
    And agent "sjefferson" has connected with extension "98411"
    And refresh tokens live 7200 seconds
    When 240 seconds pass
    And 240 seconds pass
    Then after signing in again the client renewed its token with a refresh

  @req:F22 @severity:fail
  Scenario: Each authorization code is presented once, also across a sign-in again
    Given a UCCE system in SSO mode
    And refresh tokens live 200 seconds
    And agent "sjefferson" has connected with extension "98411"
    When 240 seconds pass
    Then each authorization code went to Finesse once
