Feature: Scenarios that error instead of judging

  Scenario: the kit's code throws
    Given the kit's own code throws an exception

  Scenario: the JVM runs out of memory
    Given the JVM runs out of memory

  Scenario: after the crash
    Given a step that passes
