package dev.ssokit.world;

/** The three systems of the flow, each a WireMock server on its own host name. */
public enum StubSystem {
    FINESSE("finesse"), IDS("ids"), IDP("idp");

    private final String folder;

    StubSystem(String folder) {
        this.folder = folder;
    }

    /** Folder under stubs/ with this system's WireMock mappings and __files. */
    public String folder() {
        return folder;
    }
}
