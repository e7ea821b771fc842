package dev.ssokit.world.stubs;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.ssokit.world.SsoState.TokenGrant;
import java.util.Optional;

/**
 * POST /ids/v1/oauth/token (RFC 6749 §4.1.3, §6): Finesse's server-to-server call to IdS, with its client
 * credentials (Basic). The embedded world never needs it (Finesse and IdS share memory there); standalone WireMock
 * processes do: Finesse redeems codes and refreshes here, so IdS alone keeps codes and the refresh-token chain.
 */
final class IdsToken extends StubBehaviour {
    IdsToken(StubContext context) {
        super("ids-token", context);
    }

    @Override
    protected ResponseDefinition answer(Request request) {
        if (!RequestMethod.POST.equals(request.getMethod())) {
            return Answers.ssoError(405, "invalid_request", "the token endpoint takes POST");
        }
        if (!ReverseProxy.clientCredentials(request)) {
            return Answers.ssoError(401, "invalid_client", "the token endpoint needs Finesse's client credentials");
        }
        String grantType = Requests.form(request, "grant_type").orElse("");
        if ("authorization_code".equals(grantType)) {
            Optional<TokenGrant> grant = TokenGrants.redeem(context, Requests.form(request, "code").orElse(null),
                    Requests.form(request, "redirect_uri").orElse(""));
            return grant.map(IdsToken::tokenJson).orElseGet(() -> Answers.ssoError(400, "invalid_grant",
                    "The code is unknown, was already used, or expired."));
        }
        if ("refresh_token".equals(grantType)) {
            IdsBackchannel.Refreshed refreshed = TokenGrants.refresh(context,
                    Requests.form(request, "refresh_token").orElse(""), Requests.form(request, "token"));
            return refreshed.grant() == null ? Answers.ssoError(400, "invalid_grant", refreshed.error())
                    : tokenJson(refreshed.grant());
        }
        return Answers.ssoError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
    }

    private static ResponseDefinition tokenJson(TokenGrant grant) {
        return Answers.json(200, "{\"access_token\":\"" + grant.accessToken() + "\",\"token_type\":\"Bearer\""
                + ",\"refresh_token\":\"" + grant.refreshToken() + "\",\"expires_in\":" + grant.expiresIn()
                + ",\"user_id\":\"" + Answers.jsonEscape(grant.identity().userId()) + "\""
                + ",\"realm\":\"" + Answers.jsonEscape(grant.identity().realm()) + "\""
                + ",\"user_principal\":\"" + Answers.jsonEscape(grant.identity().userPrincipal()) + "\"}");
    }
}
