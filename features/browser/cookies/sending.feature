@browser @cookies @needs:browse
Feature: Cookies - sending them where they belong (RFC 6265 §5.4)

  @req:C14 @severity:fail @needs:lab-pages
  Scenario: Secure cookies go over https only
    When the client opens "${finesse}/lab/c14/set"
    Then cookie "c14secure" was not sent to "http://finesse.test/lab/c14/check"
    And cookie "c14plain" was sent to "http://finesse.test/lab/c14/check"
    And cookie "c14upper" was not sent to "http://finesse.test/lab/c14/check"

  @req:C15 @severity:warn @needs:lab-pages
  Scenario: An http response cannot overwrite a Secure cookie
    When the client opens "${finesse}/lab/c15/set"
    Then cookie "c15" was sent to "https://finesse.test/lab/c15/check" as "original"

  @req:C16 @severity:fail @needs:lab-pages
  Scenario: All matching cookies travel in one Cookie header joined by "; "
    When the client opens "${finesse}/lab/c16/set"
    Then the request to "https://finesse.test/lab/c16/check" carried its 3 cookies in one Cookie header

  @req:C17 @severity:warn @needs:lab-pages
  Scenario: The cookie with the longer path comes first
    When the client opens "${finesse}/lab/c17/set"
    Then cookie "c17" went to "https://finesse.test/lab/c17/deep/check" as "deep" before "root"

  @req:C19 @severity:warn @needs:lab-pages
  Scenario: Co-resident Finesse and IdS (one host, two ports) share cookies: ports do not isolate them
    When the client opens "${ccx-finesse}/lab/c19/set"
    Then cookie "c19" was sent to "https://ccx.test/lab/c19/check"

  @req:C20 @severity:fail @needs:javascript @needs:lab-pages
  Scenario: HttpOnly cookies are sent over HTTP but hidden from page scripts, which cannot overwrite them
    When the client opens "${idp}/lab/c20/page"
    Then the page script saw "c20script" but not "c20http", which is still "secret" at "https://idp.test/lab/c20/report"

  @req:C21 @severity:info @needs:lab-pages
  Scenario: SameSite=Lax is withheld on a cross-site POST and SameSite=None needs Secure (browser parity)
    When the client opens "${ids}/lab/c21/set"
    And the client opens "${ids}/lab/c21/check"
    Then cookie "c21lax" was not sent to "https://ids.test/lab/c21/post"
    And cookie "c21none" was not sent to "https://ids.test/lab/c21/post"
    And cookie "c21lax" was sent to "https://ids.test/lab/c21/check"

  @req:C29 @severity:fail @needs:lab-pages
  Scenario: Two cookies of one name on different paths both travel, the longer path first (the server reads the first)
    When the client opens "${finesse}/lab/c17/set"
    Then cookie "c17" went to "https://finesse.test/lab/c17/deep/check" as "deep" before "root"
