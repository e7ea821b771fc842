package dev.ssokit.scratch;

import dev.ssokit.client.ClientUnderTest;
import dev.ssokit.client.Limits;
import dev.ssokit.conformance.KitConfig;
import dev.ssokit.conformance.RunContext;
import dev.ssokit.model.UsernameCarrier;
import dev.ssokit.world.StubSystem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void run() {
        KitConfig config = KitConfig.fromSystem();
        try (RunContext run = RunContext.owningWorld(config)) {
            var world = run.world();
            Limits limits = Limits.defaults().with(Map.of("operation deadline", "5 s", "read timeout", "2 s",
                    "script run", "1 s", "script settle", "2 s"));
            String[] cases = System.getProperty("cases", "s1").split(",");
            for (String c : cases) {
                world.reset();
                long t = System.nanoTime();
                try (ClientUnderTest client = run.newClient(java.util.Set.of(), limits, null)) {
                    Object out = switch (c) {
                        case "s1" -> {
                            world.hostile().answer(StubSystem.IDP, "/adfs/ls/", 200, "text/html", "<html><body><form method=\"post\" action=\""
                                    + world.labUri("${idp.ids}", "/adfs/ls/") + "\"><input name=\"UserName\"/><input name=\"Password\" type=\"password\"/><input type=\"submit\"/></form></body></html>");
                            yield client.acquireToken(world.directory().require("sjefferson").credentials(), UsernameCarrier.QUERY);
                        }
                        default -> client.browse(java.net.URI.create(c.replace("FINESSE", world.finesseBaseUri().toString())));
                    };
                    System.out.println("CASE " + c + " -> " + out + " in " + (System.nanoTime() - t) / 1_000_000 + " ms");
                }
                world.journal().all().forEach(e -> System.out.println("   " + e + " " + e.requestHeaders().keySet()));
            }
        }
    }
}
