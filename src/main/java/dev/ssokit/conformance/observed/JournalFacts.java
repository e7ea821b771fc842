package dev.ssokit.conformance.observed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssokit.conformance.checks.Exchanges;
import dev.ssokit.model.Agent;
import dev.ssokit.world.Exchange;
import dev.ssokit.world.UserDirectory;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a journal alone tells about the session it records: the auth mode and deployment Finesse announced, who
 * signed in at the IdP, which tokens Finesse issued. Observed mode derives each check's parameters from these
 * facts (never from the client, which it cannot see).
 */
final class JournalFacts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AUTH_MODE = Pattern.compile("<systemAuthMode>\\s*([A-Z_]+)\\s*</systemAuthMode>");
    private static final Pattern DEPLOYMENT = Pattern.compile("<deploymentType>\\s*([A-Z]+)\\s*</deploymentType>");

    /** A token answer Finesse gave (200 JSON on /desktop/sso/token): when, for whom, for how long. */
    record IssuedToken(Exchange exchange, String userId, long expiresIn) {
    }

    final List<Exchange> journal;
    private final UserDirectory directory;

    JournalFacts(List<Exchange> journal, UserDirectory directory) {
        this.journal = journal;
        this.directory = directory;
    }

    Optional<String> systemAuthMode() {
        return systemInfoField(AUTH_MODE);
    }

    Optional<String> deploymentType() {
        return systemInfoField(DEPLOYMENT);
    }

    private Optional<String> systemInfoField(Pattern field) {
        return journal.stream().filter(e -> e.path().equals("/finesse/api/SystemInfo") && e.status() == 200
                        && e.responseBody() != null)
                .map(e -> field.matcher(e.responseBody())).filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }

    boolean any(java.util.function.Predicate<Exchange> predicate) {
        return journal.stream().anyMatch(predicate);
    }

    long count(java.util.function.Predicate<Exchange> predicate) {
        return journal.stream().filter(predicate).count();
    }

    /** The UserName posted to the IdP login form that the IdP accepted (it answered the SAML page). */
    Optional<String> idpUser() {
        return journal.stream().filter(e -> Exchanges.isIdpLoginPost(e) && e.inputValueInResponse("SAMLResponse").isPresent())
                .map(e -> e.formParameter("UserName")).flatMap(Optional::stream).findFirst();
    }

    /** The agent the session was about: the IdP's accepted user, else the Basic-auth user, as the directory knows it. */
    Optional<Agent> agent() {
        return idpUser().flatMap(directory::find).or(() -> tokens().stream().findFirst()
                .flatMap(token -> directory.find(token.userId())));
    }

    /** Who a cc_username value names, when the directory knows it (loginName or loginId). */
    Optional<Agent> named(String ccUsername) {
        return directory.find(Exchange.formDecode(ccUsername));
    }

    List<IssuedToken> tokens() {
        return journal.stream().filter(e -> e.path().equals("/desktop/sso/token") && e.status() == 200
                        && e.responseBody() != null && e.responseBody().trim().startsWith("{"))
                .map(JournalFacts::issued).flatMap(Optional::stream).toList();
    }

    private static Optional<IssuedToken> issued(Exchange e) {
        try {
            JsonNode node = JSON.readTree(e.responseBody());
            if (!node.hasNonNull("user_id") || !node.has("expires_in")) {
                return Optional.empty();
            }
            return Optional.of(new IssuedToken(e, node.get("user_id").asText(), node.get("expires_in").asLong()));
        } catch (java.io.IOException notJson) {
            return Optional.empty();
        }
    }
}
