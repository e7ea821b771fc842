@step:1
Feature: Step 1 - the VPN-less reverse proxy blocks a client address after repeated failed authentications
  The CCE Reverse Proxy Installation Guide 15.0(1) says client IPs are blocked after repeated failed
  authentications (finesse-sso-protocol.md 8.13). How many failures, for how long and with which answer it does
  not say: the stub counts the 401 answers of Finesse and IdS per client address and then answers 403 with
  Retry-After (a stub choice). What the kit asks is its reading, hence a warning: stop at the block, say that
  the proxy refused (HTTP 403), do not blame the password, do not keep trying (each try prolongs the block).

  @req:V7 @severity:warn
  Scenario: After three wrong passwords the proxy blocks the address: the client stops and reports the 403
    Given a UCCE system in NON_SSO mode
    And the reverse proxy blocks a client address for 15 minutes after 3 failed authentications
    When agent "bbasic" tries to connect 3 times with a wrong password
    And agent "bbasic" connects with extension "98420"
    Then the client stopped at the reverse proxy's block and reported HTTP 403, not a wrong password
