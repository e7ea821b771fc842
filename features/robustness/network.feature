@robustness @hostile
Feature: Hostile servers - stalls, dribbles, resets and broken connections
  Every wait of the client is bounded: connect and read timeouts per hop, and a deadline for each operation as a
  whole, so a body dribbled a chunk at a time (each chunk inside the read timeout) still ends. The limits are
  client settings (short here); no scenario measures time. Each failure names the hop, the phase and the limit.

  Background:
    Given the client's limits are:
      | operation deadline | 4 s     |
      | read timeout       | 2 s     |
      | connect timeout    | 2 s     |
      | script run         | 1 s     |
      | script settle      | 2 s     |
      | page size          | 256 KiB |

  @req:H11 @severity:warn @needs:hostile
  Scenario: SystemInfo stalls before its status line
    Given Finesse stalls 5000 ms before answering "/finesse/api/SystemInfo"
    When the client reads the system auth mode
    Then the client stopped with a report naming "GET, host finesse.test, /finesse/api/SystemInfo, read, read timeout"

  @req:H12 @severity:warn @needs:hostile @needs:lab-pages
  Scenario: A page stalls in the middle of its body
    Given a hostile server on "finesse.test" that stalls in the middle of its body
    When the client opens "/h12/page" on that server
    Then the client stopped with a report naming "GET, host finesse.test, /h12/page, read timeout"

  @req:H13 @severity:warn @needs:hostile
  Scenario: The IdP dribbles its login page a chunk at a time, each inside the read timeout
    Given a UCCE system in SSO mode
    And IdP dribbles a 16 KiB page at "/adfs/ls/" in 20 chunks over 16000 ms
    When agent "sjefferson" requests a token with cc_username in the query
    Then the client stopped with a report naming "GET, idp.test, /adfs/ls/, 4 s operation deadline"

  @req:H14 @severity:fail @needs:hostile
  Scenario: Finesse resets the connection on the token request
    Given Finesse resets the connection on "/desktop/sso/token"
    When agent "sjefferson" requests a token with cc_username in the query
    Then the client stopped with a report naming "GET, host finesse.test, /desktop/sso/token, reset"

  @req:H15 @severity:fail @needs:hostile
  Scenario: SystemInfo gets an empty response (the connection closes without an answer)
    Given Finesse answers with an empty response on "/finesse/api/SystemInfo"
    When the client reads the system auth mode
    Then the client stopped with a report naming "GET, host finesse.test, /finesse/api/SystemInfo, read failed"

  @req:H16 @severity:fail @needs:hostile
  Scenario: SystemInfo gets bytes that are not HTTP, then the connection closes
    Given Finesse answers with garbage and closes on "/finesse/api/SystemInfo"
    When the client reads the system auth mode
    Then the client stopped with a report naming "GET, host finesse.test, /finesse/api/SystemInfo, read failed"

  @req:H26 @severity:warn @needs:hostile @needs:lab-pages
  Scenario: Nothing listens on the server's port
    Given a port on "finesse.test" where nothing listens
    When the client opens "/h26/page" on that server
    Then the client stopped with a report naming "GET, host finesse.test, /h26/page, connect failed, refused"

  @req:H27 @severity:warn @needs:hostile @needs:lab-pages
  Scenario: The server's host name does not resolve
    Given a host name "nowhere.invalid" that does not resolve
    When the client opens "/h27/page" on that server
    Then the client stopped with a report naming "GET, host nowhere.invalid, /h27/page, resolve failed, hosts file"
