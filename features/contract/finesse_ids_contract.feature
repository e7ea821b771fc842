@contract
Feature: Contract - the shapes of Finesse's and IdS's answers
  What a client may rely on, pinned with REST Assured: elements, content types, status codes, ApiErrors
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

  @req:K1 @severity:fail
  Scenario: UserAuthMode answers authMode, 403 when disabled, 404 for an unknown user
    Given a UCCE system in HYBRID mode
    Then UserAuthMode for "sjefferson" answers 200 with authMode SSO
    And UserAuthMode for "bbasic" answers 200 with authMode NON_SSO
    And UserAuthMode for "nobody.here" answers 404 with ApiErrors "User Not Found"
    Given the UserAuthMode service is disabled
    Then UserAuthMode for "sjefferson" answers 403 with ApiErrors "Forbidden"

  @req:K1 @severity:fail
  Scenario: Errors come as ApiErrors XML
    Given a UCCE system in SSO mode
    Then a User request without credentials is refused with 401 ApiErrors "Authentication Failure"
    And an unknown Finesse API path answers 404 ApiErrors "Not Found"
    Given Finesse is out of service
    Then SystemInfo answers 503 ApiErrors "Service Unavailable"

  @req:K1 @severity:fail
  Scenario: The token request starts the OAuth flow, and needs cc_username
    Given a UCCE system in SSO mode
    Then a token request for "sjefferson" redirects to IdS authorize with the OAuth parameters
    And a token request without cc_username answers 400
    And IdS refuses authorize for client_id "0000000000000000000000000000000000000000"
    And IdS refuses authorize for redirect_uri "https://evil.test/desktop/sso/authcode"

  @req:K1 @severity:fail
  Scenario: The token JSON and its JWTs are shaped like IdS's
    Given a UCCE system in SSO mode
    And the reference client holds a token for agent "sjefferson"
    Then the token response has its six fields and RS256 JWTs lasting 300 seconds, signed with IdS's key

  @req:K1 @severity:fail
  Scenario: The User API with the token: read by loginName or loginId, sign in by loginId only
    Given a UCCE system in SSO mode
    And the reference client holds a token for agent "sjefferson"
    Then GET User "sjefferson" with the token answers the User object of loginId "98411"
    And GET User "98411" with the token answers the User object of loginId "98411"
    And PUT LOGIN for loginId "98411" with extension "98411" answers 202 with no body
    And PUT LOGIN to "sjefferson" is refused with 401 ApiErrors "Invalid Authorization User Specified"
    And PUT LOGIN to "98412" is refused with 401 ApiErrors "Invalid Authorization User Specified"
    And PUT LOGIN as "text/plain" is refused with 400 ApiErrors "Bad Request"

  @req:K1 @severity:fail
  Scenario: An expired token is refused with 401
    Given a UCCE system in SSO mode
    And the reference client holds a token for agent "sjefferson"
    When 301 seconds pass while the client sleeps
    Then GET User "98411" with the expired token is refused with 401 ApiErrors "Authorization Failure"

  @req:K1 @severity:fail
  Scenario: Refresh tokens rotate: the old one is refused after a refresh
    Given a UCCE system in SSO mode
    And the reference client holds a token for agent "sjefferson"
    When the reference client refreshes its token
    Then reusing the first refresh token is refused with 401
