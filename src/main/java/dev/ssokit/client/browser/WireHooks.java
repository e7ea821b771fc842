package dev.ssokit.client.browser;

import dev.ssokit.client.ClientSettings;
import dev.ssokit.model.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The wire hooks a client gets: cookie expiry on the client's clock always; a twin's defects where switched on. */
final class WireHooks {
    private WireHooks() {
    }

    static List<WireHook> of(ClientSettings settings, Supplier<Credentials> credentials) {
        List<WireHook> hooks = new ArrayList<>();
        hooks.add(new VirtualCookieExpiry(settings));
        if (CookieWireDefects.needed(settings)) {
            hooks.add(new CookieWireDefects(settings));
        }
        if (RequestWireDefects.needed(settings)) {
            hooks.add(new RequestWireDefects(settings, credentials));
        }
        if (NodeCookieDefects.needed(settings)) {
            hooks.add(new NodeCookieDefects());
        }
        return hooks;
    }
}
