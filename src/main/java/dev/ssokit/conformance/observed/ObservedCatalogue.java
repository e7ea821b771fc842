package dev.ssokit.conformance.observed;

import dev.ssokit.conformance.checks.Check;
import dev.ssokit.conformance.checks.CheckRenewalsPer401;
import dev.ssokit.conformance.checks.EnsureAutoPostSubmitted;
import dev.ssokit.conformance.checks.EnsureBasicCredentialsOnApiCalls;
import dev.ssokit.conformance.checks.EnsureBearerInHeaderOnly;
import dev.ssokit.conformance.checks.EnsureCcUsernameCookie;
import dev.ssokit.conformance.checks.EnsureCcUsernameInQuery;
import dev.ssokit.conformance.checks.EnsureCookiesReturnedOnNextHop;
import dev.ssokit.conformance.checks.EnsureCookiesStayWithTheirHost;
import dev.ssokit.conformance.checks.EnsureEachRefreshTokenUsedOnce;
import dev.ssokit.conformance.checks.EnsureIdpFormPostedLikeBrowser;
import dev.ssokit.conformance.checks.EnsureLoginIdLookedUp;
import dev.ssokit.conformance.checks.EnsureNoSsoFlow;
import dev.ssokit.conformance.checks.EnsureNoUserAuthModeRequest;
import dev.ssokit.conformance.checks.EnsureRefreshRedirectFollowed;
import dev.ssokit.conformance.checks.EnsureRefreshRequestShape;
import dev.ssokit.conformance.checks.EnsureRefreshedBeforeExpiry;
import dev.ssokit.conformance.checks.EnsureSignInAccepted;
import dev.ssokit.conformance.checks.EnsureSingleSubmission;
import dev.ssokit.conformance.checks.EnsureSystemInfoReadFirst;
import dev.ssokit.conformance.checks.EnsureUserAuthModeAsked;
import dev.ssokit.conformance.checks.EnsureUserCallsUseLoginId;
import dev.ssokit.conformance.checks.Exchanges;
import dev.ssokit.model.Agent;
import dev.ssokit.world.Exchange;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalogue's checks that a journal alone can judge, each with the condition under which the journal shows
 * the behaviour at all. A behaviour the session did not exercise is NOT_JUDGED with the reason, never PASS; the
 * check classes are the ones the feature runs use, with their parameters taken from the journal's own facts.
 */
final class ObservedCatalogue {
    /** Either the checks to run, or why the journal cannot judge this behaviour. */
    record Judgeable(List<Check> checks, String notJudged) {
        static Judgeable run(Check... checks) {
            return new Judgeable(List.of(checks), null);
        }

        static Judgeable skip(String reason) {
            return new Judgeable(List.of(), reason);
        }
    }

    record Entry(String requirement, String behaviour, Function<JournalFacts, Judgeable> judge) {
    }

    private ObservedCatalogue() {
    }

    static List<Entry> entries() {
        return List.of(
                new Entry("P1", "SystemInfo read first", f ->
                        f.any(e -> e.path().equals("/finesse/api/SystemInfo"))
                                ? Judgeable.run(new EnsureSystemInfoReadFirst("P1"))
                                : Judgeable.skip("no GET /finesse/api/SystemInfo in the journal")),
                new Entry("F1", "SSO system: no per-user auth-mode call", f ->
                        f.systemAuthMode().filter("SSO"::equals).isPresent() && f.any(Exchanges::isTokenRequest)
                                ? Judgeable.run(new EnsureNoUserAuthModeRequest())
                                : Judgeable.skip("needs SystemInfo answering SSO and a token request after it")),
                new Entry("P2", "HYBRID system: UserAuthMode asked before the token", f ->
                        f.systemAuthMode().filter("HYBRID"::equals).isPresent()
                                ? Judgeable.run(new EnsureUserAuthModeAsked("P2", hybridUser(f)))
                                : Judgeable.skip("the session's Finesse was not HYBRID (variant hybrid)")),
                new Entry("F2", "NON_SSO system: Basic credentials, no SSO chain", f ->
                        f.systemAuthMode().filter("NON_SSO"::equals).isPresent()
                                && f.any(e -> e.path().startsWith("/finesse/api/User/"))
                                ? Judgeable.run(new EnsureNoSsoFlow(), new EnsureBasicCredentialsOnApiCalls())
                                : Judgeable.skip("needs SystemInfo answering NON_SSO (variant non-sso) and a User API call")),
                new Entry("F3", "cc_username URL-encoded in the token request's query", f -> {
                    Optional<Exchange> request = f.journal.stream().filter(Exchanges::isTokenRequest)
                            .filter(e -> e.rawQueryParameter("cc_username").isPresent()).findFirst();
                    if (request.isEmpty()) {
                        return Judgeable.skip("no token request carried cc_username in its query");
                    }
                    return meant(f, request.get().rawQueryParameter("cc_username").orElseThrow())
                            .map(name -> Judgeable.run(new EnsureCcUsernameInQuery(name)))
                            .orElse(Judgeable.skip("cannot tell from the journal which agent cc_username meant"));
                }),
                new Entry("C23", "cc_username seeded as a cookie, URL-encoded, on /desktop/sso/token only", f -> {
                    Optional<Exchange> request = f.journal.stream().filter(Exchanges::isTokenRequest)
                            .filter(e -> e.rawQueryParameter("cc_username").isEmpty()
                                    && e.cookiesSent().containsKey("cc_username")).findFirst();
                    if (request.isEmpty()) {
                        return Judgeable.skip("no token request sent cc_username as a cookie (variant cookie-only-cc-username)");
                    }
                    return meant(f, request.get().cookiesSent().get("cc_username"))
                            .map(name -> Judgeable.run(new EnsureCcUsernameCookie(name)))
                            .orElse(Judgeable.skip("cannot tell from the journal which agent cc_username meant"));
                }),
                new Entry("R7", "cookies set on a redirect come back on the next hop", f ->
                        f.any(e -> e.isRedirect() && !e.responseHeader("set-cookie").isEmpty())
                                && f.count(e -> true) > 1
                                ? Judgeable.run(new EnsureCookiesReturnedOnNextHop())
                                : Judgeable.skip("no redirect set a cookie")),
                new Entry("C18", "cookies only to the host that set them", f ->
                        f.any(e -> !e.cookiesSent().isEmpty())
                                ? Judgeable.run(new EnsureCookiesStayWithTheirHost())
                                : Judgeable.skip("the client sent no cookie")),
                new Entry("J4", "IdP login form posted like a browser", f ->
                        f.any(Exchanges::isIdpLoginPost)
                                ? Judgeable.run(new EnsureIdpFormPostedLikeBrowser(f.journal.stream()
                                .filter(Exchanges::isIdpLoginPost).findFirst().flatMap(e -> e.formParameter("UserName"))
                                .orElse("")))
                                : Judgeable.skip("no POST of the IdP login form")),
                new Entry("J1", "SAML auto-POST page's script run, its form posted unaltered", f ->
                        f.idpUser().isPresent() ? Judgeable.run(EnsureAutoPostSubmitted.samlResponse())
                                : Judgeable.skip("the IdP never served its SAML auto-POST page (no accepted login)")),
                new Entry("J2", "IdS relay page's script run, uniqueId posted unaltered", f ->
                        f.any(e -> Exchanges.isSamlPost(e) && e.inputValueInResponse("uniqueId").isPresent())
                                ? Judgeable.run(EnsureAutoPostSubmitted.relay())
                                : Judgeable.skip("IdS never served its relay page")),
                new Entry("J12", "each auto-POST form submitted once", f ->
                        f.idpUser().isPresent() && f.any(Exchanges::isSamlPost)
                                ? Judgeable.run(new EnsureSingleSubmission())
                                : Judgeable.skip("no auto-POST form was submitted (J1 judges whether it should have been)")),
                new Entry("F5", "UCCE: loginId looked up from user_id and used for later calls", f -> {
                    if (f.deploymentType().filter("UCCE"::equals).isEmpty() || f.tokens().isEmpty()
                            || !f.any(e -> e.path().startsWith("/finesse/api/User/"))) {
                        return Judgeable.skip("needs a UCCE SystemInfo, an issued token and a User API call");
                    }
                    String userId = f.tokens().get(0).userId();
                    Optional<Agent> agent = f.agent();
                    boolean put = f.any(e -> e.path().startsWith("/finesse/api/User/") && e.method().equals("PUT"));
                    return agent.isPresent() && put
                            ? Judgeable.run(new EnsureLoginIdLookedUp(userId), new EnsureUserCallsUseLoginId(agent.get().loginId()))
                            : Judgeable.run(new EnsureLoginIdLookedUp(userId));
                }),
                new Entry("F7", "Bearer token in the Authorization header only", f ->
                        !f.tokens().isEmpty() && f.any(e -> e.path().startsWith("/finesse/api/User/"))
                                ? Judgeable.run(new EnsureBearerInHeaderOnly())
                                : Judgeable.skip("needs an issued token and a User API call")),
                new Entry("P6", "sign-in PUT accepted (202)", f -> {
                    Optional<Agent> agent = f.agent();
                    if (!f.any(e -> e.path().startsWith("/finesse/api/User/") && e.method().equals("PUT"))) {
                        return Judgeable.skip("no PUT /finesse/api/User/{loginId}");
                    }
                    return agent.map(a -> Judgeable.run(new EnsureSignInAccepted(a.loginId(), a.extension())))
                            .orElse(Judgeable.skip("cannot tell from the journal which agent signed in"));
                }),
                new Entry("F8", "refresh after 75 % and before 100 % of expires_in", f -> {
                    if (f.tokens().isEmpty()) {
                        return Judgeable.skip("no token was issued");
                    }
                    JournalFacts.IssuedToken first = f.tokens().get(0);
                    long issued = first.exchange().atSecond();
                    long expiry = issued + first.expiresIn();
                    boolean refreshed = f.any(Exchanges::isRefresh);
                    boolean usedPastExpiry = f.any(e -> Exchanges.isFinesseApi(e) && e.atSecond() >= expiry
                            && e.firstRequestHeader("authorization").map(h -> h.startsWith("Bearer")).orElse(false));
                    return refreshed || usedPastExpiry
                            ? Judgeable.run(new EnsureRefreshedBeforeExpiry(expiry))
                            : Judgeable.skip("the session ended before the token expired (serve --token-lifetime 30 shows it)");
                }),
                new Entry("F9", "refresh is a form POST; each refresh token used once", f -> {
                    long refreshes = f.count(Exchanges::isRefresh);
                    if (refreshes == 0) {
                        return Judgeable.skip("no refresh request");
                    }
                    return refreshes >= 2
                            ? Judgeable.run(new EnsureRefreshRequestShape(), new EnsureEachRefreshTokenUsedOnce(2))
                            : Judgeable.run(new EnsureRefreshRequestShape());
                }),
                new Entry("F10", "refresh redirected to IdS followed to a new token", f ->
                        f.any(e -> Exchanges.isRefresh(e) && e.isRedirect())
                                ? Judgeable.run(new EnsureRefreshRedirectFollowed())
                                : Judgeable.skip("no refresh was redirected (variant refresh-via-ids)")),
                new Entry("F12", "a 401 is met with one renewal and one retry at most", f ->
                        f.any(e -> Exchanges.isFinesseApi(e) && e.status() == 401)
                                ? Judgeable.run(new CheckRenewalsPer401())
                                : Judgeable.skip("no REST call was answered 401 (variant reject-bearer)")));
    }

    /** The name cc_username was meant to carry: the IdP's accepted user, or the loginId when it was that. */
    private static Optional<String> meant(JournalFacts f, String raw) {
        Optional<Agent> agent = f.agent();
        if (agent.isPresent()) {
            return Optional.of(Exchange.formDecode(raw).equals(agent.get().loginId())
                    ? agent.get().loginId() : agent.get().loginName());
        }
        return f.named(raw).map(Agent::loginName);
    }

    private static String hybridUser(JournalFacts f) {
        return f.agent().map(Agent::loginName).orElseGet(() -> f.journal.stream()
                .filter(e -> e.path().contains("/UserAuthMode/")).findFirst()
                .map(e -> java.net.URLDecoder.decode(e.path().substring(e.path().lastIndexOf('/') + 1)
                        .replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)).orElse(""));
    }
}
