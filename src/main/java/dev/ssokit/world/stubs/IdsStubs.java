package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.ssokit.world.SsoState;
import dev.ssokit.world.SsoState.IdsSession;
import dev.ssokit.world.WorldSettings;
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
        return List.of(new Authorize(context), new SamlResponse(context), new Relay(context), new PublicKey(context));
    }

    static String sessionCookie(String id) {
        return SESSION_COOKIE + "=" + id + "; Path=/ids; Secure; HttpOnly; SameSite=None";
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
            if (!WorldSettings.FINESSE_CLIENT_ID.equals(clientId)) {
                return Answers.errorPage(400, "Unknown client", "client_id is not registered with this IdS");
            }
            if (!redirectUri.equals(context.finesseAuthcodeUri())) {
                return Answers.errorPage(400, "Invalid redirect_uri",
                        "redirect_uri is not registered for client Finesse: " + redirectUri);
            }
            if (!"code".equals(Requests.query(request, "response_type").orElse(""))) {
                return Answers.errorPage(400, "Unsupported response_type", "only response_type=code is supported");
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
            String samlRequest = Saml.deflateAndEncode(Saml.authnRequest(session.authnRequestId,
                    context.ids("/ids/saml/response?metaAlias=/sp"), context.idsHost(), context.clock.instant().toString()));
            String location = context.idp("/adfs/ls/?SAMLRequest=" + URLEncoder.encode(samlRequest, StandardCharsets.UTF_8)
                    + "&RelayState=" + URLEncoder.encode(session.relayState, StandardCharsets.UTF_8));
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
            if (sessionId.isEmpty()) {
                return Answers.errorPage(400, "IdS session missing",
                        "The IdS session cookie set on /ids/v1/oauth/authorize did not come back with the SAML response.");
            }
            IdsSession session = context.state.idsSessions.get(sessionId.get());
            Optional<String> xml = Requests.form(request, "SAMLResponse").flatMap(Saml::decode);
            Optional<SsoState.SamlAssertion> assertion = xml.flatMap(x -> Saml.attribute(x, "ID"))
                    .map(context.state.samlResponses::remove);
            if (assertion.isEmpty()) {
                return Answers.errorPage(400, "SAML response refused", "SAMLResponse missing, unknown or replayed");
            }
            if (!assertion.get().inResponseTo().equals(session.authnRequestId)
                    || !Requests.form(request, "RelayState").orElse("").equals(session.relayState)) {
                return Answers.errorPage(400, "SAML response refused",
                        "InResponseTo or RelayState does not match this IdS session's AuthnRequest");
            }
            session.identity = assertion.get().identity();
            String uniqueId = SsoState.randomId(20);
            context.state.relayHandOffs.put(uniqueId, sessionId.get());
            return Answers.html(200, "<!DOCTYPE html><html><head><title>Cisco Identity Service</title></head>"
                    + "<body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"/ids/relay\">"
                    + "<input type=\"hidden\" name=\"uniqueId\" value=\"" + uniqueId + "\"/>"
                    + "<noscript><input type=\"submit\" value=\"Continue\"/></noscript></form></body></html>");
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
            return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(200).withHeader("Content-Type", "text/plain;charset=UTF-8")
                    .withBody(context.tokens.publicKeyPem()).build();
        }
    }
}
