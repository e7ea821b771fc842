package dev.ssokit.world.stubs;

import dev.ssokit.model.Agent;
import dev.ssokit.world.SsoState;
import dev.ssokit.world.TokenService.Identity;

/** Grants made without a client: a Finesse session that IdS has already signed in (for the contract probes). */
public final class DirectGrants {
    private DirectGrants() {
    }

    /** Opens a Finesse session with a grant for the agent; returns its JSESSIONID value. */
    public static String open(StubContext context, Agent agent) {
        String sessionId = SsoState.randomId(18);
        SsoState.FinesseSession session = new SsoState.FinesseSession();
        session.originalUrl = context.finesse("/desktop/sso/token");
        session.grant = FinesseStubs.issue(context, new Identity(agent.uid(), context.directory.realm(),
                agent.uid() + "@" + context.directory.realm()));
        context.state.finesseSessions.put(sessionId, session);
        return sessionId;
    }
}
