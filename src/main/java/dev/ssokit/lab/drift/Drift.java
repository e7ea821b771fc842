package dev.ssokit.lab.drift;

import dev.ssokit.lab.record.FlowCapture;
import dev.ssokit.lab.record.Scrubber;
import dev.ssokit.world.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a lab's answers differ in shape from the embedded stubs' for the same flow and probes. Hops are paired by
 * system, method, path and their order among equal ones; a difference that repeats on several such hops is listed
 * once.
 */
public final class Drift {
    private Drift() {
    }

    /** The differences, one line each ("Finesse GET /finesse/api/SystemInfo: element ...: on the lab, not ..."). */
    public static List<String> between(FlowCapture.Capture lab, FlowCapture.Capture stubs) {
        Map<String, HopShape> labHops = shapes(lab);
        Map<String, HopShape> stubHops = shapes(stubs);
        Set<String> lines = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>(labHops.keySet());
        keys.addAll(stubHops.keySet());
        for (String key : keys) {
            HopShape a = labHops.get(key);
            HopShape b = stubHops.get(key);
            if (a == null || b == null) {
                lines.add((a == null ? b : a).hop() + ": asked " + (a == null ? "of the stubs only" : "of the lab only")
                        + " (the flow took another path)");
                continue;
            }
            Set<String> facts = new TreeSet<>(a.facts().keySet());
            facts.addAll(b.facts().keySet());
            for (String fact : facts) {
                String on = a.facts().get(fact);
                String off = b.facts().get(fact);
                if (on == null || off == null) {
                    lines.add(a.hop() + ": " + fact + ": " + (on == null ? "in the stubs, not on the lab"
                            : "on the lab, not in the stubs"));
                } else if (!on.equals(off)) {
                    lines.add(a.hop() + ": " + fact + ": lab " + on + ", stubs " + off);
                }
            }
        }
        return new ArrayList<>(lines);
    }

    /** Prints "no drift" (0) or the differences (1). */
    public static int report(FlowCapture.Capture lab, FlowCapture.Capture stubs, java.io.PrintStream out) {
        List<String> differences = between(lab, stubs);
        if (differences.isEmpty()) {
            out.println("drift: no drift between " + lab.side().name() + " and the embedded stubs ("
                    + lab.exchanges().size() + " hops compared)");
            return 0;
        }
        out.println("drift: " + differences.size() + " difference(s) between " + lab.side().name()
                + " (lab) and the embedded stubs:");
        differences.forEach(line -> out.println("  " + line));
        return 1;
    }

    private static Map<String, HopShape> shapes(FlowCapture.Capture capture) {
        Scrubber scrubber = Scrubber.of(capture);
        Map<String, HopShape> shapes = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Exchange e : capture.exchanges()) {
            HopShape shape = HopShape.of(e, scrubber);
            int n = seen.merge(shape.hop(), 1, Integer::sum);
            shapes.put(shape.hop() + " #" + n, shape);
        }
        return shapes;
    }
}
