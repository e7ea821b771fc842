@browser @cookies @needs:browse
Feature: Cookies - storing what Set-Cookie says (RFC 6265 §5.2-5.3, rfc6265bis)

  @req:C1 @severity:fail @needs:lab-pages
  Scenario: Several Set-Cookie headers in one response are all stored, never folded
    When the client opens "${finesse}/lab/c1/set"
    Then cookie "c1a" was sent to "https://finesse.test/lab/c1/check"
    And cookie "c1b" was sent to "https://finesse.test/lab/c1/check"
    And cookie "c1c" was sent to "https://finesse.test/lab/c1/check"

  @req:C2 @severity:fail @needs:lab-pages
  Scenario: A cookie without Domain is host-only: not sent to a subdomain
    When the client opens "${ids}/lab/c2/set"
    Then cookie "c2" was not sent to "https://idp.ids.test/lab/c2/check"
    And cookie "c2" was sent to "https://ids.test/lab/c2/check"

  @req:C3 @severity:fail @needs:lab-pages
  Scenario: A Domain=parent cookie reaches a sibling host; a leading dot is ignored
    When the client opens "${ids.corp}/lab/c3/set"
    Then cookie "c3" was sent to "https://finesse.corp.test/lab/c3/check"
    And cookie "c3dot" was sent to "https://finesse.corp.test/lab/c3/check"

  @req:C4 @severity:fail @needs:lab-pages
  Scenario: A cookie for a foreign domain or a public suffix is rejected
    When the client opens "${finesse}/lab/c4/set"
    Then cookie "c4" was not sent to "https://idp.test/lab/c4/check"
    And cookie "c4tld" was not sent to "https://ids.test/lab/c4/check"
    And cookie "c4" was not sent to "https://finesse.test/lab/c4/check"
    And cookie "c4ok" was sent to "https://finesse.test/lab/c4/check"

  @req:C5 @severity:fail @needs:lab-pages
  Scenario: Default path is the request's directory; Path is honoured; the last Path wins
    When the client opens "${ids}/lab/c5/dir/set"
    Then cookie "c5default" was sent to "https://ids.test/lab/c5/dir/next"
    And cookie "c5default" was not sent to "https://ids.test/lab/c5/in/next"
    And cookie "c5path" was sent to "https://ids.test/lab/c5/in/next"
    And cookie "c5path" was not sent to "https://ids.test/lab/c5/out/next"
    And cookie "c5last" was sent to "https://ids.test/lab/c5/out/next"
    And cookie "c5last" was not sent to "https://ids.test/lab/c5/in/next"

  @req:C6 @severity:fail @needs:lab-pages
  Scenario: Paths match on segment boundaries only
    When the client opens "${ids}/lab/c6/set"
    Then cookie "c6" was sent to "https://ids.test/lab/c6/ids/relay"
    And cookie "c6" was not sent to "https://ids.test/lab/c6/idsadmin"

  @req:C7 @severity:fail @needs:lab-pages
  Scenario: Max-Age=0, a negative Max-Age or a past Expires deletes; Max-Age wins over Expires
    When the client opens "${finesse}/lab/c7/set"
    Then cookie "c7a" was not sent to "https://finesse.test/lab/c7/check"
    And cookie "c7b" was not sent to "https://finesse.test/lab/c7/check"
    And cookie "c7c" was not sent to "https://finesse.test/lab/c7/check"
    And cookie "c7d" was not sent to "https://finesse.test/lab/c7/check"
    And cookie "c7m" was sent to "https://finesse.test/lab/c7/check"

  @req:C8 @severity:warn @needs:lab-pages
  Scenario: A very large Max-Age is accepted (capped), not rejected
    When the client opens "${finesse}/lab/c8/set"
    Then cookie "c8" was sent to "https://finesse.test/lab/c8/check"

  @req:C9 @severity:warn @needs:lab-pages
  Scenario: Expires dates in RFC 1123, dashed and two-digit-year forms are understood
    When the client opens "${finesse}/lab/c9/set"
    Then cookie "c9a" was sent to "https://finesse.test/lab/c9/check"
    And cookie "c9b" was sent to "https://finesse.test/lab/c9/check"
    And cookie "c9c" was sent to "https://finesse.test/lab/c9/check"

  @req:C10 @severity:fail @needs:lab-pages
  Scenario: A cookie with the same name, domain and path replaces the old value
    When the client opens "${finesse}/lab/c10/set1"
    Then cookie "c10" was sent to "https://finesse.test/lab/c10/check" as "new"

  @req:C11 @severity:warn @needs:lab-pages
  Scenario: Malformed Set-Cookie lines do not break the valid ones around them
    When the client opens "${finesse}/lab/c11/set"
    Then cookie "c11a" was sent to "https://finesse.test/lab/c11/check"
    And cookie "c11b" was sent to "https://finesse.test/lab/c11/check"

  @req:C12 @severity:warn @needs:lab-pages
  Scenario: Attribute names are case-insensitive and unknown attributes are ignored
    When the client opens "${finesse}/lab/c12/set"
    Then cookie "c12secure" was sent to "https://finesse.test/lab/c12/check"
    And cookie "c12custom" was sent to "https://finesse.test/lab/c12/check"
    And cookie "c12secure" was not sent to "http://finesse.test/lab/c12/plain"
    And cookie "c12custom" was sent to "http://finesse.test/lab/c12/plain"

  @req:C13 @severity:fail @needs:lab-pages
  Scenario: A cookie with a control character is not stored (the raw byte %x01 is on the wire)
    When the client opens "${finesse-raw}/lab/c13/set"
    Then cookie "c13ok" was sent to "https://finesse.test/lab/c13/check"
    And cookie "c13ctl" was not sent to "https://finesse.test/lab/c13/check"

  @req:C22 @severity:warn @needs:lab-pages
  Scenario: __Secure- and __Host- prefixes are enforced
    When the client opens "${finesse}/lab/c22/set"
    Then cookie "__Secure-nosecure" was not sent to "https://finesse.test/lab/c22/check"
    And cookie "__Host-domain" was not sent to "https://finesse.test/lab/c22/check"
    And cookie "__Host-ok" was sent to "https://finesse.test/lab/c22/check"
    And cookie "__Secure-ok" was sent to "https://finesse.test/lab/c22/check"

  @req:C24 @severity:info @needs:lab-pages
  Scenario: After an application restart only persistent cookies remain
    When the client opens "${finesse}/lab/c24/set"
    And the application restarts and the client opens "${finesse}/lab/c24/check"
    Then cookie "c24session" was sent to "https://finesse.test/lab/c24/before"
    And cookie "c24persistent" was sent to "https://finesse.test/lab/c24/check"
    And cookie "c24session" was not sent to "https://finesse.test/lab/c24/check"

  @req:C25 @severity:fail @needs:lab-pages @needs:virtual-clock
  Scenario: A cookie expires when its Max-Age runs out on the clock, not before, and a new Max-Age renews it
    When the client opens "${finesse}/lab/c25/set"
    And 30 seconds pass
    And the client opens "${finesse}/lab/c25/renew"
    And 60 seconds pass
    And the client opens "${finesse}/lab/c25/check"
    Then cookie "c25short" was not sent to "https://finesse.test/lab/c25/check"
    And cookie "c25long" was sent to "https://finesse.test/lab/c25/check"
    And cookie "c25renew" was sent to "https://finesse.test/lab/c25/check" as "v2"

  @req:C26 @severity:fail @needs:lab-pages
  Scenario: Max-Age=0 deletes only the cookie of that name, domain and Path, even when set from a deeper page
    When the client opens "${finesse}/lab/c26/set"
    Then cookie "c26" was sent to "https://finesse.test/lab/c26/check" as "root"

  @req:C27 @severity:fail @needs:lab-pages
  Scenario: Cookie names and values come back exactly as set: '=', quotes, %-escapes, legal punctuation, empty
    When the client opens "${finesse}/lab/c27/set"
    Then cookie "c27eq" was sent to "https://finesse.test/lab/c27/check" as "a=b=="
    And cookie "c27quote" was sent to "https://finesse.test/lab/c27/check" as '"quoted"'
    And cookie "c27pct" was sent to "https://finesse.test/lab/c27/check" as "a%2Bb%2Fc"
    And cookie "c27chars" was sent to "https://finesse.test/lab/c27/check" as "/a:b?c@d!e*f~g"
    And cookie "c27empty" was sent to "https://finesse.test/lab/c27/check" as ""
    And cookie "C27Mixed" was sent to "https://finesse.test/lab/c27/check" as "v"

  @req:C28 @severity:fail @needs:lab-pages
  Scenario: Domain matches on label boundaries only, and case-insensitively
    When the client opens "${finesse}/lab/c28/set"
    Then cookie "c28tail" was not sent to "https://finesse.test/lab/c28/check"
    And cookie "c28est" was not sent to "https://finesse.test/lab/c28/check"
    And cookie "c28case" was sent to "https://finesse.test/lab/c28/check"
