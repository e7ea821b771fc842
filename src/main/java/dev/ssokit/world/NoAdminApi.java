package dev.ssokit.world;

import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * WireMock's admin API (/__admin/...) answers 404 on the stub ports, as a path a real Finesse, IdS or IdP does
 * not have: a client under test can neither read nor rewrite the stubs. The world is driven from Java, and
 * serve's control API lives on its own loopback port behind a token.
 */
public final class NoAdminApi implements AdminRequestFilterV2 {
    @Override
    public String getName() {
        return "no-admin-api";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        return RequestFilterAction.stopWith(ResponseDefinition.notFound());
    }
}
