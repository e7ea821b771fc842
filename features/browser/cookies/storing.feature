@browser @cookies @needs:browse
Feature: Cookies - storing what Set-Cookie says (RFC 6265 §5.2-5.3, rfc6265bis)

  @req:C1 @severity:fail
  Scenario: Several Set-Cookie headers in one response are all stored, never folded
    When the client opens "${finesse}/lab/c1/set"
    Then cookie "c1a" was sent to "https://finesse.test/lab/c1/check"
    And cookie "c1b" was sent to "https://finesse.test/lab/c1/check"
    And cookie "c1c" was sent to "https://finesse.test/lab/c1/check"

  @req:C2 @severity:fail
  Scenario: A cookie without Domain is host-only: not sent to a subdomain
    When the client opens "${ids}/lab/c2/set"
    Then cookie "c2" was not sent to "https://idp.ids.test/lab/c2/check"
    And cookie "c2" was sent to "https://ids.test/lab/c2/check"

  @req:C3 @severity:fail
  Scenario: A Domain=parent cookie reaches a sibling host; a leading dot is ignored
    When the client opens "${ids.corp}/lab/c3/set"
    Then cookie "c3" was sent to "https://finesse.corp.test/lab/c3/check"
    And cookie "c3dot" was sent to "https://finesse.corp.test/lab/c3/check"

  @req:C4 @severity:fail
  Scenario: A cookie for a foreign domain or a public suffix is rejected
    When the client opens "${finesse}/lab/c4/set"
    Then cookie "c4" was not sent to "https://idp.test/lab/c4/check"
    And cookie "c4tld" was not sent to "https://ids.test/lab/c4/check"
    And cookie "c4" was not sent to "https://finesse.test/lab/c4/check"
    And cookie "c4ok" was sent to "https://finesse.test/lab/c4/check"

  @req:C5 @severity:fail
  Scenario: Default path is the request's directory; Path is honoured; the last Path wins
    When the client opens "${ids}/lab/c5/dir/set"
    Then cookie "c5default" was sent to "https://ids.test/lab/c5/dir/next"
    And cookie "c5default" was not sent to "https://ids.test/lab/c5/in/next"
    And cookie "c5path" was sent to "https://ids.test/lab/c5/in/next"
    And cookie "c5path" was not sent to "https://ids.test/lab/c5/out/next"
    And cookie "c5last" was sent to "https://ids.test/lab/c5/out/next"
    And cookie "c5last" was not sent to "https://ids.test/lab/c5/in/next"

  @req:C6 @severity:fail
  Scenario: Paths match on segment boundaries only
    When the client opens "${ids}/lab/c6/set"
    Then cookie "c6" was sent to "https://ids.test/lab/c6/ids/relay"
    And cookie "c6" was not sent to "https://ids.test/lab/c6/idsadmin"

  @req:C7 @severity:fail
  Scenario: Max-Age=0, a negative Max-Age or a past Expires deletes; Max-Age wins over Expires
    When the client opens "${finesse}/lab/c7/set"
    Then cookie "c7a" was not sent to "https://finesse.test/lab/c7/check"
    And cookie "c7b" was not sent to "https://finesse.test/lab/c7/check"
    And cookie "c7c" was not sent to "https://finesse.test/lab/c7/check"
    And cookie "c7m" was sent to "https://finesse.test/lab/c7/check"

  @req:C8 @severity:warn
  Scenario: A very large Max-Age is accepted (capped), not rejected
    When the client opens "${finesse}/lab/c8/set"
    Then cookie "c8" was sent to "https://finesse.test/lab/c8/check"

  @req:C9 @severity:warn
  Scenario: Expires dates in RFC 1123, dashed and two-digit-year forms are understood
    When the client opens "${finesse}/lab/c9/set"
    Then cookie "c9a" was sent to "https://finesse.test/lab/c9/check"
    And cookie "c9b" was sent to "https://finesse.test/lab/c9/check"
    And cookie "c9c" was sent to "https://finesse.test/lab/c9/check"

  @req:C10 @severity:fail
  Scenario: A cookie with the same name, domain and path replaces the old value
    When the client opens "${finesse}/lab/c10/set1"
    Then cookie "c10" was sent to "https://finesse.test/lab/c10/check" as "new"

  @req:C11 @severity:warn
  Scenario: Malformed Set-Cookie lines do not break the valid ones around them
    When the client opens "${finesse}/lab/c11/set"
    Then cookie "c11a" was sent to "https://finesse.test/lab/c11/check"
    And cookie "c11b" was sent to "https://finesse.test/lab/c11/check"

  @req:C12 @severity:warn
  Scenario: Attribute names are case-insensitive and unknown attributes are ignored
    When the client opens "${finesse}/lab/c12/set"
    Then cookie "c12secure" was sent to "https://finesse.test/lab/c12/check"
    And cookie "c12custom" was sent to "https://finesse.test/lab/c12/check"
    And cookie "c12secure" was not sent to "http://finesse.test/lab/c12/plain"
    And cookie "c12custom" was sent to "http://finesse.test/lab/c12/plain"

  @req:C13 @severity:fail
  Scenario: A cookie with a control character is not stored (the raw byte %x01 is on the wire)
    When the client opens "${finesse-raw}/lab/c13/set"
    Then cookie "c13ok" was sent to "https://finesse.test/lab/c13/check"
    And cookie "c13ctl" was not sent to "https://finesse.test/lab/c13/check"

  @req:C22 @severity:warn
  Scenario: __Secure- and __Host- prefixes are enforced
    When the client opens "${finesse}/lab/c22/set"
    Then cookie "__Secure-nosecure" was not sent to "https://finesse.test/lab/c22/check"
    And cookie "__Host-domain" was not sent to "https://finesse.test/lab/c22/check"
    And cookie "__Host-ok" was sent to "https://finesse.test/lab/c22/check"
    And cookie "__Secure-ok" was sent to "https://finesse.test/lab/c22/check"

  @req:C24 @severity:info
  Scenario: After an application restart only persistent cookies remain
    When the client opens "${finesse}/lab/c24/set"
    And the application restarts and the client opens "${finesse}/lab/c24/check"
    Then cookie "c24session" was sent to "https://finesse.test/lab/c24/before"
    And cookie "c24persistent" was sent to "https://finesse.test/lab/c24/check"
    And cookie "c24session" was not sent to "https://finesse.test/lab/c24/check"
