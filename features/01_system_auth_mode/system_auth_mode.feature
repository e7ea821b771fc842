@step:1
Feature: Step 1 - read the system's auth mode
  Cisco's procedure starts with GET /finesse/api/SystemInfo. Its systemAuthMode decides the path:
  SSO (token flow), NON_SSO (HTTP Basic, no redirect chain) or HYBRID (ask the user's mode, step 2).
  SystemInfo needs no credentials on the LAN; through the VPN-less reverse proxy it wants them (a 401 first).

  @req:P1 @severity:fail
  Scenario Outline: The client reports the mode and deployment it read
    Given a <deployment> system in <mode> mode
    When the client reads the system auth mode
    Then the client reports system auth mode <mode> on <deployment>
    And the client read SystemInfo first

    Examples:
      | deployment | mode    |
      | UCCE       | SSO     |
      | UCCE       | NON_SSO |
      | UCCE       | HYBRID  |
      | UCCX       | SSO     |

  @req:F1 @severity:fail @replay
  Scenario: On an SSO system the client goes straight to the token flow
    Given a UCCE system in SSO mode
    When agent "sjefferson" connects with extension "98411"
    Then the client read SystemInfo first
    And the client did not ask for the user's auth mode
    And the agent is signed in with SSO as loginId "98411"

  @req:F2 @severity:fail
  Scenario: On a NON_SSO system the client uses Basic credentials and no redirect chain
    Given a UCCE system in NON_SSO mode
    When agent "bbasic" connects with extension "98420"
    Then the client did not start the SSO flow
    And every User API call carried Basic credentials
    And the agent is signed in with NON_SSO as loginId "98420"

  @req:P1 @severity:fail @needs:stub-control
  Scenario: Finesse out of service: the client says so and starts no SSO flow
    Given Finesse is out of service
    When agent "sjefferson" connects with extension "98411"
    Then the client reports that Finesse is unavailable, naming HTTP 503
    And the client did not start the SSO flow

  @req:F17 @req:F1 @severity:fail @needs:stub-control
  Scenario: Through the VPN-less reverse proxy, SystemInfo wants credentials: the client sends them and retries
    PCCE 12.6(1) Features Guide: through the proxy "the authorization headers are required" on SystemInfo.
    Given a UCCE system in SSO mode
    And SystemInfo is behind the VPN-less reverse proxy, which wants credentials
    When agent "sjefferson" connects with extension "98411"
    Then the client read SystemInfo first
    And the client answered the 401 on SystemInfo with credentials, once
    And the agent is signed in with SSO as loginId "98411"

  @req:V3 @severity:fail @needs:stub-control
  Scenario: The reverse proxy's User-Agent filter refuses the client: it reports the 403 and stops
    Given a UCCE system in SSO mode
    And the reverse proxy admits only User-Agents matching "^NoSuchBrowser/"
    When agent "sjefferson" connects with extension "98411"
    Then the client reports that the reverse proxy refused it, naming HTTP 403
    And the client did not start the SSO flow

  @req:V3 @severity:fail @needs:stub-control
  Scenario: A browser User-Agent passes the reverse proxy's filter
    Given a UCCE system in SSO mode
    And the reverse proxy admits only User-Agents matching "Mozilla/5\.0"
    When agent "sjefferson" connects with extension "98411"
    Then the agent is signed in with SSO as loginId "98411"

  @req:V2 @severity:fail @needs:stub-control
  Scenario: Before 12.6(2) IdS signs tokens with a shared secret (HS256): the client signs in all the same
    Given a UCCE system in SSO mode
    And IdS signs tokens with its shared secret (HS256, before 12.6(2))
    When agent "sjefferson" connects with extension "98411"
    Then the agent is signed in with SSO as loginId "98411"
    And every User API call carried the token as a Bearer header and never in a URL
