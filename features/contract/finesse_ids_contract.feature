@contract
Feature: Contract - the shapes of Finesse's and IdS's answers
  Tokens here come from IdS directly (a granted Finesse session), never from the client under test, so a
  client's bug cannot fail the contract. What a client may rely on, pinned with REST Assured: elements, content types, status codes, ApiErrors
  bodies, the token JSON and its JWTs (finesse-sso-protocol.md §1-2). A stub that drifts from the protocol
  document fails here; the same probes are written to run against a lab system.

  @req:K1 @severity:fail
  Scenario Outline: SystemInfo needs no credentials and keeps its shape
    Given a <deployment> system in <mode> mode
    Then SystemInfo answers without credentials in its documented shape

    Examples:
      | deployment | mode    |
      | UCCE       | SSO     |
      | UCCX       | NON_SSO |
      | UCCE       | HYBRID  |

  @req:K1 @severity:fail @needs:stub-control
  Scenario: UserAuthMode answers authMode, and 403 when disabled
    Given a UCCE system in HYBRID mode
    Then UserAuthMode for "sjefferson" answers 200 with authMode SSO
    And UserAuthMode for "bbasic" answers 200 with authMode NON_SSO
    Given the UserAuthMode service is disabled
    Then UserAuthMode for "sjefferson" answers 403 with ApiErrors "Forbidden"

  @req:K1 @severity:fail @needs:stub-control
  Scenario: Errors come as ApiErrors XML
    Given a UCCE system in SSO mode
    Then a User request without credentials is refused with 401 ApiErrors "Authentication Failure"
    And an unknown Finesse API path answers 404 ApiErrors "Not Found"
    Given Finesse is out of service
    Then SystemInfo answers 503 ApiErrors "Service Unavailable"

  @req:K1 @severity:fail
  Scenario: The token request starts the OAuth flow; IdS refuses a wrong client with a JSON error
    Given a UCCE system in SSO mode
    Then a token request for "sjefferson" redirects to IdS authorize with the OAuth parameters
    And IdS refuses authorize for client_id "0000000000000000000000000000000000000000"
    And IdS refuses authorize for redirect_uri "https://evil.test/desktop/sso/authcode"

  @req:K1 @severity:fail @needs:stub-control
  Scenario: The token JSON and its JWTs are shaped like IdS's
    Given a UCCE system in SSO mode
    And IdS has granted agent "sjefferson" a token, without any client
    Then the token response has its six fields and RS256 JWTs lasting 300 seconds, signed with IdS's key

  @req:K1 @severity:fail @needs:stub-control
  Scenario: The User API with the token: read by loginName or loginId, sign in by loginId only
    Given a UCCE system in SSO mode
    And IdS has granted agent "sjefferson" a token, without any client
    Then GET User "sjefferson" with the token answers the User object of loginId "98411"
    And GET User "98411" with the token answers the User object of loginId "98411"
    And PUT LOGIN for loginId "98411" with extension "98411" answers 202 with no body
    And PUT LOGIN to "sjefferson" is refused with 401 ApiErrors "Invalid Authorization User Specified"
    And PUT LOGIN to "98412" is refused with 401 ApiErrors "Invalid Authorization User Specified"
    And PUT LOGIN as "text/plain" is refused with 400 ApiErrors "Bad Request"

  @req:K1 @severity:fail @needs:stub-control @needs:virtual-clock
  Scenario: An expired token is refused with 401
    Given a UCCE system in SSO mode
    And IdS has granted agent "sjefferson" a token, without any client
    When 301 seconds pass while the client sleeps
    Then GET User "98411" with the expired token is refused with 401 ApiErrors "Authorization Failure"

  @req:K1 @severity:fail @needs:stub-control @needs:virtual-clock
  Scenario: A refresh answers a new access token and a refresh_token
    Given a UCCE system in SSO mode
    And IdS has granted agent "sjefferson" a token, without any client
    When the contract probe refreshes that token after 240 seconds
    Then the refresh answers 200 with a new access token and a refresh_token

  @req:V4 @severity:warn @needs:stub-control @needs:virtual-clock
  Scenario: The kit's own choices: a used refresh token stays valid; no cc_username is a 400; unknown users 404
    No Cisco document gives these answers (finesse-sso-protocol.md 8.5, 8.14): a lab that differs is not wrong.
    Given a UCCE system in HYBRID mode
    And IdS has granted agent "sjefferson" a token, without any client
    When the contract probe refreshes that token after 240 seconds
    Then reusing the first refresh token is accepted, as nothing says it stops working
    And a token request without cc_username answers 400
    And UserAuthMode for "nobody.here" answers 404 with ApiErrors "User Not Found"

  @req:V4 @severity:warn @needs:stub-control @needs:virtual-clock
  Scenario: Where IdS revokes used refresh tokens (opt-in), the old one is refused after a refresh
    Given a UCCE system in SSO mode
    And IdS revokes a refresh token once it is used
    And IdS has granted agent "sjefferson" a token, without any client
    When the contract probe refreshes that token after 240 seconds
    Then reusing the first refresh token is refused with 401

  @req:V1 @severity:fail @needs:stub-control
  Scenario: IdS's public key behind client credentials (Client-Side Token Validation)
    Given a UCCE system in SSO mode
    And IdS's public key needs client credentials
    Then IdS's public key answers 401 without client credentials and the PEM with them
