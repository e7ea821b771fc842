@step:4 @stub-idp
Feature: Step 4 - the SAML hand-off on a second IdS node
  Deployments run several IdS nodes (finesse-sso-protocol.md 8.11: Okta TechNote 212428, the UCCX design guide).
  In this variant the AuthnRequest of the first node (ids.test) names the assertion consumer service of a second
  node (ids2.test: the same IdS server under another host name, so another origin, on the same port). The IdP
  posts the SAML response there; that node sets a host-only session cookie of its own and its relay page hands
  over to Finesse. A browser keeps cookies per host name: ids.test's JSESSIONID never reaches ids2.test.

  @req:V6 @req:C18 @severity:fail
  Scenario: The client follows the hand-off to the second IdS node and keeps each node's cookies with its host
    Given a UCCE system in SSO mode
    And the SAML ACS and relay of IdS are on a second IdS node
    When agent "sjefferson" connects with extension "98411"
    Then the client followed the hand-off to the second IdS node with that node's own cookie
    And no cookie went to a host other than the one that set it
    And the agent is signed in with SSO as loginId "98411"
