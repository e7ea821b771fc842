@step:2 @needs:hybrid
Feature: Step 2 - read the user's auth mode
  On a HYBRID system (UCCE 12.5+), each user signs in with SSO or with Basic credentials.
  GET /finesse/api/UserAuthMode/{user} (no credentials) says which. It answers 403 when the service is
  disabled; an unknown user gets 404 here (undocumented; a stub choice). A client treats anything but
  200 + SSO as "cannot use SSO".

  @req:F2 @severity:fail
  Scenario: A NON_SSO user on a HYBRID system signs in with Basic credentials
    Given a UCCE system in HYBRID mode
    When agent "bbasic" connects with extension "98420"
    Then the client asked for the auth mode of "bbasic" before any token request
    And the client did not start the SSO flow
    And every User API call carried Basic credentials
    And the agent is signed in with NON_SSO as loginId "98420"

  @req:F2 @severity:fail
  Scenario: An SSO user on a HYBRID system signs in with SSO
    Given a UCCE system in HYBRID mode
    When agent "sjefferson" connects with extension "98411"
    Then the client asked for the auth mode of "sjefferson" before any token request
    And the agent is signed in with SSO as loginId "98411"

  @req:P2 @severity:fail @needs:stub-control
  Scenario Outline: The client reports each user's mode, with the name URL-encoded in the path
    Given a UCCE system in HYBRID mode
    And agent "<agent>" is configured for <mode> sign-in
    When the client reads the auth mode of user "<agent>"
    Then the client reports user auth mode <mode>
    And the client asked for the auth mode of "<agent>" before any token request

    Examples:
      | agent             | mode    |
      | sjefferson        | SSO     |
      | bbasic            | NON_SSO |
      | mary ann          | SSO     |
      | anne+ops          | NON_SSO |

  @req:P2 @severity:fail @needs:stub-control
  Scenario: A disabled UserAuthMode service is reported with its status
    Given a UCCE system in HYBRID mode
    And the UserAuthMode service is disabled
    When the client reads the auth mode of user "sjefferson"
    Then the client reports that the user's auth mode is unavailable, naming HTTP 403

  @req:P2 @severity:fail
  Scenario: An unknown user is reported as unavailable, not as SSO
    Given a UCCE system in HYBRID mode
    When the client reads the auth mode of user "nobody.here"
    Then the client reports that the user's auth mode is unavailable, naming HTTP 404
