package dev.ssokit.conformance.runtarget;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a scenario needs beyond a plain lab, as its {@code @needs:<id>} tag says (the client capabilities such as
 * {@code @needs:browse} are {@link dev.ssokit.client.Capability}, a different list). {@code @stub-idp} (older, also
 * used by the Keycloak run) counts as {@link #STUB_IDP}.
 */
public enum TargetNeed {
    STUB_CONTROL("stub-control", "sets the stub world's modes, answers, faults or variants"),
    VIRTUAL_CLOCK("virtual-clock", "moves the stub world's virtual clock"),
    LAB_PAGES("lab-pages", "opens the browser catalogue's pages, which only the stub world serves"),
    HOSTILE("hostile", "starts hostile or faulty servers beside the target"),
    STUB_IDP("stub-idp", "judges the stub IdP's own pages, paths and knobs");

    private final String id;
    private final String meaning;

    TargetNeed(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    public String id() {
        return id;
    }

    public String meaning() {
        return meaning;
    }

    /** The need a tag names ({@code @needs:stub-control}, {@code @stub-idp}), if it is a target need. */
    public static Optional<TargetNeed> ofTag(String tag) {
        if (tag.equals("@stub-idp")) {
            return Optional.of(STUB_IDP);
        }
        return tag.startsWith("@needs:") ? Arrays.stream(values()).filter(n -> n.id.equals(tag.substring(7)))
                .findFirst() : Optional.empty();
    }
}
