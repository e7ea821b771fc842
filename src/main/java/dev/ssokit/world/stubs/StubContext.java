package dev.ssokit.world.stubs;

import dev.ssokit.world.SsoState;
import dev.ssokit.world.TokenService;
import dev.ssokit.world.UserDirectory;
import dev.ssokit.world.VirtualClock;
import dev.ssokit.world.WorldSettings;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/** What every stub behaviour may read: the scenario's settings and state, the directory, tokens, clock, URLs. */
public final class StubContext {
    public final WorldSettings settings;
    public final SsoState state;
    public final UserDirectory directory;
    public final TokenService tokens;
    public final VirtualClock clock;
    /** Which IdP IdS trusts (the stub IdP, or Keycloak); null in contexts built without SAML keys. */
    public volatile dev.ssokit.world.saml.IdpTrust idpTrust;
    /** Finesse's link to IdS: in-process unless {@link #linkIds} set another (standalone WireMock: HTTPS). */
    private volatile IdsBackchannel idsLink;
    private final AtomicReference<URI> finesseBase = new AtomicReference<>();
    private final AtomicReference<URI> idsBase = new AtomicReference<>();
    private final AtomicReference<URI> idpBase = new AtomicReference<>();

    public StubContext(WorldSettings settings, SsoState state, UserDirectory directory, TokenService tokens,
                       VirtualClock clock) {
        this.settings = settings;
        this.state = state;
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Set once the servers listen (their ports are ephemeral). */
    public void baseUris(URI finesse, URI ids, URI idp) {
        finesseBase.set(finesse);
        idsBase.set(ids);
        idpBase.set(idp);
    }

    public String finesse(String path) {
        return finesseBase.get() + path;
    }

    public String ids(String path) {
        return idsBase.get() + path;
    }

    /** The second IdS node's host name (8.11): the same IdS server under another name, so another origin. */
    public static final String SECOND_IDS_NODE = dev.ssokit.world.StubWorld.SECOND_IDS_NODE;

    /** A URL on the second IdS node: same port as IdS, host {@link #SECOND_IDS_NODE}. */
    public String idsNode2(String path) {
        return "https://" + SECOND_IDS_NODE + ":" + idsBase.get().getPort() + path;
    }

    public String idp(String path) {
        return idpBase.get() + path;
    }

    /** Where IdS sends its AuthnRequest: an external IdP's SSO URL, or the stub IdP's page for the world's preset. */
    public String idpSsoUrl() {
        if (idpTrust != null && idpTrust.externalSsoUrl().isPresent()) {
            return idpTrust.externalSsoUrl().get().toString();
        }
        return idp(IdpPresetPages.ssoPath(settings.idpPreset()));
    }

    public String idsHost() {
        return idsBase.get().getHost();
    }

    public String finesseAuthcodeUri() {
        return finesse("/desktop/sso/authcode");
    }

    /** How Finesse's stubs reach IdS (redeem, validate, refresh). */
    public IdsBackchannel idsLink() {
        IdsBackchannel link = idsLink;
        return link != null ? link : new SharedMemoryIds(this);
    }

    /** Finesse reaches IdS through this link from now on (standalone WireMock: over HTTPS). */
    public void linkIds(IdsBackchannel link) {
        this.idsLink = link;
    }
}
