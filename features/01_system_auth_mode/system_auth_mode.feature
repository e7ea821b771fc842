@step:1
Feature: Step 1 - read the system's auth mode
  Cisco's procedure starts with GET /finesse/api/SystemInfo. Its systemAuthMode decides the path:
  SSO (token flow), NON_SSO (HTTP Basic, no redirect chain) or HYBRID (ask the user's mode, step 2).
  SystemInfo needs no credentials: the client cannot have any yet.

  @req:P1 @severity:fail
  Scenario Outline: The client reports the mode and deployment it read
    Given a <deployment> system in <mode> mode
    When the client reads the system auth mode
    Then the client reports system auth mode <mode> on <deployment>
    And the client read SystemInfo first, without credentials

    Examples:
      | deployment | mode    |
      | UCCE       | SSO     |
      | UCCE       | NON_SSO |
      | UCCE       | HYBRID  |
      | UCCX       | SSO     |

  @req:F1 @severity:fail
  Scenario: On an SSO system the client goes straight to the token flow
    Given a UCCE system in SSO mode
    When agent "sjefferson" connects with extension "98411"
    Then the client read SystemInfo first, without credentials
    And the client did not ask for the user's auth mode
    And the agent is signed in with SSO as loginId "98411"

  @req:F2 @severity:fail
  Scenario: On a NON_SSO system the client uses Basic credentials and no redirect chain
    Given a UCCE system in NON_SSO mode
    When agent "bbasic" connects with extension "98420"
    Then the client did not start the SSO flow
    And every User API call carried Basic credentials
    And the agent is signed in with NON_SSO as loginId "98420"

  @req:P1 @severity:fail
  Scenario: Finesse out of service: the client says so and starts no SSO flow
    Given Finesse is out of service
    When agent "sjefferson" connects with extension "98411"
    Then the client reports that Finesse is unavailable, naming HTTP 503
    And the client did not start the SSO flow
