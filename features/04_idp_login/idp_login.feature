@step:4
Feature: Step 4 - log in on the IdP page
  The IdP (AD FS here) shows a login form: UserName, Password, a hidden AuthMethod, a relative action.
  A right password answers an auto-POST page carrying the SAMLResponse to IdS; a wrong one shows the
  form again with an error and no SAMLResponse.

  @req:J4 @severity:fail @stub-idp
  Scenario Outline: The login form is filled and posted like a browser posts it, in the page's UTF-8
    Given a UCCE system in SSO mode
    When agent "<agent>" requests a token with cc_username in the query
    Then the IdP login form was posted like a browser, as "<agent>"
    And the client holds a token for "<agent>"

    Examples:
      | agent      |
      | sjefferson |
      | anne+ops   |
      | rené       |

  @req:P4 @severity:fail
  Scenario: A wrong password ends in a clear failure and no token
    Given a UCCE system in SSO mode
    When agent "sjefferson" requests a token with a wrong password
    Then the client reports that the IdP did not accept the credentials
    And nothing was posted to IdS after the login
    And the client holds no token

  @req:P4 @severity:fail
  Scenario: An unknown account ends in a clear failure and no token
    Given a UCCE system in SSO mode
    When an unknown account "ghost.agent" requests a token with cc_username in the query
    Then the client reports that the IdP did not accept the credentials
    And nothing was posted to IdS after the login
    And the client holds no token

  @req:J7 @severity:fail @stub-idp @needs:stub-control
  Scenario: A delayed auto-submit is still submitted, within the script deadline
    Given the IdP submits its SAML form 300 ms after the page loads
    When agent "sjefferson" requests a token with cc_username in the query
    Then the IdP's SAML auto-POST form was submitted unchanged
    And the client holds a token for "sjefferson"

  @req:J8 @severity:warn @stub-idp @needs:stub-control
  Scenario: A failing script on the IdP page does not stop the flow
    Given the IdP page runs a failing script before its auto-submit
    When agent "sjefferson" requests a token with cc_username in the query
    Then the IdP's SAML auto-POST form was submitted unchanged
    And the client holds a token for "sjefferson"

  @req:J9 @severity:warn @stub-idp @needs:stub-control
  Scenario: An auto-POST page served as */* is still run as a document
    Given the IdP serves its auto-POST page as "*/*;charset=utf-8"
    When agent "sjefferson" requests a token with cc_username in the query
    Then the IdP's SAML auto-POST form was submitted unchanged
    And the client holds a token for "sjefferson"
