package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.ssokit.world.SsoState;
import dev.ssokit.world.SsoState.IdsSession;
import dev.ssokit.world.TokenService.Identity;
import dev.ssokit.world.WorldSettings;
import dev.ssokit.world.saml.SamlRejected;
import dev.ssokit.world.saml.SamlVerifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Cisco IdS (finesse-sso-protocol.md §2.5, §3 steps 4, 7, 8). Its session cookie is scoped to Path=/ids. */
public final class IdsStubs {
    static final String SESSION_COOKIE = "JSESSIONID";

    private IdsStubs() {
    }

    public static List<StubBehaviour> all(StubContext context) {
        return List.of(new Authorize(context), new SamlResponse(context), new Relay(context), new PublicKey(context),
                new IdsToken(context));
    }

    static String sessionCookie(String id) {
        return SESSION_COOKIE + "=" + id + "; Path=/ids; Secure; HttpOnly; SameSite=None";
    }

    /** IdS's assertion consumer service URL, as its AuthnRequest names it. */
    static String acsUrl(StubContext context) {
        return context.settings.acsOnSecondIdsNode() ? context.idsNode2("/ids/saml/response?metaAlias=/sp")
                : context.ids("/ids/saml/response?metaAlias=/sp");
    }

    /** A request that reached the second IdS node (8.11). */
    static boolean onSecondNode(Request request) {
        return StubContext.SECOND_IDS_NODE.equalsIgnoreCase(request.getHost());
    }

    static Optional<IdsSession> session(StubContext context, Request request) {
        return Requests.cookie(request, SESSION_COOKIE).map(context.state.idsSessions::get);
    }

    /** GET /ids/v1/oauth/authorize: checks the client, then sends the browser to the IdP (or straight back). */
    static final class Authorize extends StubBehaviour {
        Authorize(StubContext context) {
            super("ids-authorize", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            String clientId = Requests.query(request, "client_id").orElse("");
            String redirectUri = Requests.query(request, "redirect_uri").orElse("");
            String state = Requests.query(request, "state").orElse("");
            // TechNote 200662 (protocol 8.6): authorize errors are a JSON error and no redirect.
            if (!WorldSettings.FINESSE_CLIENT_ID.equals(clientId) || context.settings.idsRefusesClient()) {
                return Answers.ssoError(400, "invalid_client", "client_id is not registered with this IdS");
            }
            if (!redirectUri.equals(context.finesseAuthcodeUri())) {
                return Answers.ssoError(400, "invalid_redirect_uri",
                        "redirect_uri is not registered for client Finesse: " + redirectUri);
            }
            if (!"code".equals(Requests.query(request, "response_type").orElse(""))) {
                return Answers.ssoError(400, "unsupported_response_type", "only response_type=code is supported");
            }
            Optional<IdsSession> existing = session(context, request);
            if (existing.isPresent() && existing.get().identity != null) {
                String code = SsoState.randomId(24);
                context.state.codes.put(code, new SsoState.CodeGrant(Requests.cookie(request, SESSION_COOKIE).get(),
                        redirectUri, existing.get().identity, context.clock.instant()));
                return Answers.redirect(302, redirectUri + "?code=" + code + "&state="
                        + URLEncoder.encode(state, StandardCharsets.UTF_8));
            }
            String sessionId = SsoState.randomId(18);
            IdsSession session = new IdsSession();
            session.clientId = clientId;
            session.redirectUri = redirectUri;
            session.state = state;
            session.authnRequestId = "_" + SsoState.randomId(16);
            session.relayState = SsoState.randomId(16);
            context.state.idsSessions.put(sessionId, session);
            String destination = context.idpSsoUrl();
            String authnRequest = Saml.authnRequest(session.authnRequestId, destination, acsUrl(context),
                    context.idsHost(), java.time.Instant.now(context.idpTrust.assertionClock()).toString());
            if (context.settings.samlPostBinding()) {
                return Answers.html(200, "<!DOCTYPE html><html><head><title>Cisco Identity Service</title></head>"
                        + "<body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\""
                        + Answers.escape(destination) + "\"><input type=\"hidden\" name=\"SAMLRequest\" value=\""
                        + Saml.encode(authnRequest) + "\"/><input type=\"hidden\" name=\"RelayState\" value=\""
                        + Answers.escape(session.relayState) + "\"/><noscript><input type=\"submit\" value=\"Continue\"/>"
                        + "</noscript></form></body></html>", sessionCookie(sessionId));
            }
            String location = destination + (destination.contains("?") ? "&" : "?") + "SAMLRequest="
                    + URLEncoder.encode(Saml.deflateAndEncode(authnRequest), StandardCharsets.UTF_8)
                    + "&RelayState=" + URLEncoder.encode(session.relayState, StandardCharsets.UTF_8);
            return Answers.redirect(302, location, sessionCookie(sessionId));
        }
    }

    /** POST /ids/saml/response (ACS): takes the IdP's SAMLResponse, answers the auto-submitting relay page. */
    static final class SamlResponse extends StubBehaviour {
        SamlResponse(StubContext context) {
            super("ids-saml-response", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            Optional<String> sessionId = Requests.cookie(request, SESSION_COOKIE)
                    .filter(context.state.idsSessions::containsKey);
            String nodeCookie = null;
            if (context.settings.acsOnSecondIdsNode() && onSecondNode(request)) {
                // The first node's cookie is host-only (ids.test): it cannot come here. The nodes share their state,
                // so this node finds the pending request by its RelayState and opens a session of its own.
                Optional<IdsSession> pending = context.state.idsSessions.values().stream()
                        .filter(s -> s.relayState != null
                                && s.relayState.equals(Requests.form(request, "RelayState").orElse("")))
                        .findFirst();
                if (pending.isPresent()) {
                    String id = SsoState.randomId(18);
                    context.state.idsSessions.put(id, pending.get());
                    sessionId = Optional.of(id);
                    nodeCookie = sessionCookie(id);
                }
            }
            if (sessionId.isEmpty()) {
                return Answers.errorPage(500, "IdS session missing",
                        "The IdS session cookie set on /ids/v1/oauth/authorize did not come back with the SAML response.");
            }
            IdsSession session = context.state.idsSessions.get(sessionId.get());
            Optional<String> samlResponse = Requests.form(request, "SAMLResponse");
            if (samlResponse.isEmpty()) {
                return Answers.errorPage(500, "SAML response refused", "no SAMLResponse in the POST");
            }
            if (!Requests.form(request, "RelayState").orElse("").equals(session.relayState)) {
                return Answers.errorPage(500, "SAML response refused",
                        "RelayState does not match this IdS session's AuthnRequest");
            }
            SamlVerifier.Verified verified;
            try {
                verified = new SamlVerifier(context.idpTrust.trustedCertificate(), context.idsHost(), acsUrl(context),
                        context.idpTrust.assertionClock()).verify(samlResponse.get(), session.authnRequestId);
            } catch (SamlRejected e) {
                return Answers.errorPage(500, "Error processing the SAML response",
                        "Cisco Identity Service could not use the SAML response from the IdP: " + e.getMessage());
            }
            if (context.state.samlResponses.containsKey(verified.responseId())) {
                return Answers.errorPage(500, "Error processing the SAML response", "the SAML response was replayed");
            }
            String uid = verified.attribute("uid", verified.nameId());
            Identity identity = new Identity(uid, context.directory.realm(),
                    verified.attribute("user_principal", uid + "@" + context.directory.realm()));
            context.state.samlResponses.put(verified.responseId(), new SsoState.SamlAssertion(verified.responseId(),
                    session.authnRequestId, session.relayState, identity));
            session.identity = identity;
            String uniqueId = SsoState.randomId(20);
            context.state.relayHandOffs.put(uniqueId, sessionId.get());
            return Answers.html(200, "<!DOCTYPE html><html><head><title>Cisco Identity Service</title></head>"
                    + "<body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"/ids/relay\">"
                    + "<input type=\"hidden\" name=\"uniqueId\" value=\"" + uniqueId + "\"/>"
                    + "<noscript><input type=\"submit\" value=\"Continue\"/></noscript></form></body></html>",
                    nodeCookie == null ? new String[0] : new String[] {nodeCookie});
        }
    }

    /** POST /ids/relay (uniqueId): issues the single-use code and redirects to Finesse's authcode endpoint. */
    static final class Relay extends StubBehaviour {
        Relay(StubContext context) {
            super("ids-relay", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            Optional<String> sessionId = Requests.cookie(request, SESSION_COOKIE);
            Optional<String> owner = Requests.form(request, "uniqueId").map(context.state.relayHandOffs::remove);
            if (owner.isEmpty() || sessionId.isEmpty() || !owner.get().equals(sessionId.get())) {
                return Answers.errorPage(400, "Relay refused",
                        "uniqueId unknown or already used, or the IdS session cookie did not come back");
            }
            IdsSession session = context.state.idsSessions.get(sessionId.get());
            String code = SsoState.randomId(24);
            context.state.codes.put(code, new SsoState.CodeGrant(sessionId.get(), session.redirectUri,
                    session.identity, context.clock.instant()));
            return Answers.redirect(302, session.redirectUri + "?code=" + code + "&state="
                    + URLEncoder.encode(session.state, StandardCharsets.UTF_8));
        }
    }

    /** GET /ids/v1/keys/token/public: the token-signing public key, text/plain. */
    static final class PublicKey extends StubBehaviour {
        PublicKey(StubContext context) {
            super("ids-public-key", context);
        }

        @Override
        protected ResponseDefinition answer(Request request) {
            if (context.settings.publicKeyNeedsClientCredentials() && !ReverseProxy.clientCredentials(request)) {
                return Answers.ssoError(401, "unauthorized", "the public key needs admin or client credentials");
            }
            return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(200).withHeader("Content-Type", "text/plain;charset=UTF-8")
                    .withBody(context.tokens.publicKeyPem()).build();
        }
    }
}
