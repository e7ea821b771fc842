Feature: A scenario with a step no definition matches

  @req:P1 @severity:fail
  Scenario: the wording drifted from the step definitions
    Given a UCCE system in SSO mode
    When this step is defined nowhere
