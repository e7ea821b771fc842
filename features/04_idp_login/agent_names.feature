@step:4 @stub-idp
Feature: Step 4 - an agent whose IdP login name, uid and Finesse loginName all differ
  Real deployments give an agent three names (finesse-sso-protocol.md 8.8): the IdP login name typed on the IdP
  page (a UPN such as kwalker@corp.example, or CORP\lucas.martin: AD FS accepts both), the uid the SAML assertion
  carries (IdS makes it the token's user_id and user_principal uid@realm), and the Finesse loginName that
  cc_username carries (loginName or peripheralId). stubs/users.json gives them as "idpLoginName" and "uid"
  (both default to the loginName). The loginId lookup may name the token's user_id (Cisco's step 5) or the
  loginName (User - Get User Id from loginName): the stub Finesse answers both; that it knows the uid is an inference.

  @req:V5 @req:F5 @severity:fail
  Scenario Outline: The client types the IdP login name on the IdP page and sends the Finesse loginName as cc_username
    Given a UCCE system in SSO mode
    And agent "<agent>" has an IdP login name, a uid and a Finesse loginName that all differ
    When agent "<agent>" connects with extension "<loginId>"
    Then the IdP page got the agent's IdP login name and cc_username carried its Finesse loginName
    And the loginId was looked up with a name Finesse knows and the state change named the loginId
    And every state change named loginId "<loginId>"
    And the agent is signed in with SSO as loginId "<loginId>"

    Examples:
      | agent      | loginId |
      | kim.walker | 98416   |
      | lmartin    | 98417   |
