@step:4 @stub-idp
Feature: Step 4 - the IdP pages real deployments show, driven by the IdP presets
  Real deployments put AD FS (options form, home realm discovery, script-validated sign-in, WIA, loop detection,
  open sessions), Entra ID, Okta or Ping behind IdS (finesse-sso-protocol.md 8.9). The stub IdP shows each as a
  preset (stubs/idp/mappings/<preset>/); the reference client gets through each with the data of
  stubs/idp/presets/<name>.json. IdS is a real SAML service provider: it checks the IdP's signature (8.6).

  @req:I1 @severity:fail @needs:stub-control
  Scenario: AD FS with the options form beside loginForm: loginForm is filled and signed in through its script
    Given the IdP shows the "adfs-options" sign-in pages
    When agent "jdoe@corp.example" requests a token with cc_username in the query
    Then the client holds a token for "jdoe@corp.example"

  @req:I1 @severity:fail @needs:stub-control
  Scenario: AD FS options page, wrong password: the client reports the refusal and holds no token
    Given the IdP shows the "adfs-options" sign-in pages
    When agent "jdoe@corp.example" requests a token with cc_username in the query and a wrong password
    Then the client reports that the IdP did not accept the credentials
    And nothing was posted to IdS after the login
    And the client holds no token

  @req:I1 @severity:fail @needs:stub-control
  Scenario: AD FS's Login.submitLoginRequest() refuses a user name without a domain before anything is posted
    Given the IdP shows the "adfs-options" sign-in pages
    When agent "sjefferson" requests a token with cc_username in the query
    Then the client reports that the IdP page said "Enter your user ID in the format"
    And the client holds no token

  @req:I2 @severity:fail @needs:stub-control
  Scenario: AD FS home realm discovery comes first: the client picks Active Directory, then signs in
    Given the IdP shows the "adfs-hrd" sign-in pages
    When agent "jdoe@corp.example" requests a token with cc_username in the query
    Then the client holds a token for "jdoe@corp.example"

  @req:I2 @severity:fail @needs:stub-control
  Scenario: After home realm discovery a wrong password is still reported as refused credentials
    Given the IdP shows the "adfs-hrd" sign-in pages
    When agent "jdoe@corp.example" requests a token with cc_username in the query and a wrong password
    Then the client reports that the IdP did not accept the credentials
    And the client holds no token

  @req:I3 @severity:fail @needs:stub-control
  Scenario: An open AD FS session answers at once: no login form the second time, and a token
    Given the IdP shows the "adfs-session" sign-in pages
    When agent "sjefferson" requests a token with cc_username in the query
    And agent "sjefferson" requests a token again after its Finesse and IdS sessions ended
    Then the last token request succeeded
    And the client holds a token for "sjefferson"

  @req:I4 @severity:warn @needs:stub-control
  Scenario: AD FS offers WIA to Internet Explorer only: the client's User-Agent gets the forms sign-in
    Given the IdP shows the "adfs-wia" sign-in pages
    When agent "sjefferson" requests a token with cc_username in the query
    Then the client holds a token for "sjefferson"

  @req:I4 @severity:warn @needs:stub-control
  Scenario: AD FS answers 401 Negotiate to every User-Agent: the client says it cannot do WIA
    Given the IdP shows the "adfs-wia-all" sign-in pages
    When agent "sjefferson" requests a token with cc_username in the query
    Then the client reports that the IdP asked for Windows Integrated Authentication
    And the client holds no token

  @req:I5 @severity:warn @needs:stub-control
  Scenario: A sixth sign-in within 20 seconds meets AD FS loop detection, reported as MSIS7042
    Given the IdP shows the "adfs-loop" sign-in pages
    When agent "sjefferson" requests a token 6 times in a row, its Finesse and IdS sessions ending each time
    Then the client reports AD FS loop detection

  @req:I6 @severity:fail @needs:stub-control
  Scenario: Entra-like identifier-first sign-in: user name, password, "Stay signed in?"
    Given the IdP shows the "entra" sign-in pages
    When agent "jdoe@corp.example" requests a token with cc_username in the query
    Then the client holds a token for "jdoe@corp.example"

  @req:I6 @severity:fail @needs:stub-control
  Scenario: Entra-like sign-in, wrong password: refused on the password page
    Given the IdP shows the "entra" sign-in pages
    When agent "jdoe@corp.example" requests a token with cc_username in the query and a wrong password
    Then the client reports that the IdP did not accept the credentials
    And the client reports that the IdP page said "Your account or password is incorrect"
    And the client holds no token

  @req:I6 @severity:fail @needs:stub-control
  Scenario: Entra-like sign-in, unknown account: refused on the user name page
    Given the IdP shows the "entra" sign-in pages
    When an unknown account "ghost.agent" requests a token with cc_username in the query
    Then the client reports that the IdP page said "This username may be incorrect"
    And the client holds no token

  @req:I7 @severity:fail @needs:stub-control
  Scenario: Okta-like widget: credentials posted by XHR, then the session redirect, then the SAML response
    Given the IdP shows the "okta" sign-in pages
    When agent "anne+ops" requests a token with cc_username in the query
    Then the client holds a token for "anne+ops"

  @req:I7 @severity:fail @needs:stub-control
  Scenario: Okta-like widget, wrong password: the widget's error is reported
    Given the IdP shows the "okta" sign-in pages
    When agent "anne+ops" requests a token with cc_username in the query and a wrong password
    Then the client reports that the IdP page said "Unable to sign in"
    And the client holds no token

  @req:I8 @severity:fail @needs:stub-control
  Scenario: Ping-like form adapter: pf.username, pf.pass and the Sign On link
    Given the IdP shows the "ping" sign-in pages
    When agent "rené" requests a token with cc_username in the query
    Then the client holds a token for "rené"

  @req:I8 @severity:fail @needs:stub-control
  Scenario: Ping-like form adapter, wrong password
    Given the IdP shows the "ping" sign-in pages
    When agent "rené" requests a token with cc_username in the query and a wrong password
    Then the client reports that the IdP page said "We didn't recognize the username or password"
    And the client holds no token

  @req:I9 @severity:warn @needs:stub-control
  Scenario: An IdP page no preset knows is reported with its URL and what it has
    Given the IdP shows the "shibboleth" sign-in pages
    When agent "sjefferson" requests a token with cc_username in the query
    Then the client reports where it got stuck: the page "/idp/profile/SAML2/Redirect/SSO" and its field "j_username"
    And the client holds no token

  @req:I10 @severity:fail @needs:stub-control
  Scenario Outline: IdS refuses a <fault> SAML response with its 500 page; the client reports IdS's refusal
    Given the IdP's signed SAML response is <fault>
    When agent "sjefferson" requests a token with cc_username in the query
    Then the client reports that IdS refused the SAML response
    And the client holds no token

    Examples:
      | fault          |
      | tampered       |
      | stale          |
      | wrong-audience |

  @req:J1 @severity:fail @needs:stub-control
  Scenario: IdS sends its AuthnRequest with the HTTP-POST binding (an auto-submitting form): the flow goes on
    Given IdS sends its SAML request with the HTTP-POST binding
    When agent "sjefferson" requests a token with cc_username in the query
    Then the client holds a token for "sjefferson"
