@step:5
Feature: Step 5 - resolve the token's user_id to the loginId
  On UCCE the token names the user by loginName (user_id "sjefferson"); the REST APIs want the
  loginId (peripheral id, 98411). GET /finesse/api/User/{user_id} with the Bearer token tells it.
  On UCCX the two are interchangeable and the lookup may be skipped.

  @req:F5 @severity:fail
  Scenario Outline: UCCE: the client looks up the loginId with its Bearer token
    Given a UCCE system in SSO mode
    When agent "<agent>" connects with extension "<loginId>"
    Then the client looked up the loginId of "<agent>" before any other User call
    And the client reports loginId "<loginId>"

    Examples:
      | agent      | loginId |
      | sjefferson | 98411   |
      | mary ann   | 98414   |
      | rené       | 98415   |

  @req:F6 @severity:info
  Scenario: UCCX: the client may use user_id directly
    Given a UCCX system in SSO mode
    When agent "sjefferson" requests a token with cc_username in the query
    And the client resolves the loginId
    Then the client used user_id directly, without a lookup

  @req:P5 @severity:fail
  Scenario: Without a token the client refuses to resolve the loginId, and says why
    Given a UCCE system in SSO mode
    When the client resolves the loginId
    Then the client reports that it needs a token first
    And the client made no User API call
