package dev.ssokit.report;

/** Versions named in reports: the kit's own (from the jar manifest, or "dev" in a build tree) and HtmlUnit's. */
public final class Versions {
    private Versions() {
    }

    public static String kit() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }

    /** The JVM running the kit, for reports: a fact of the machine, not a setting. */
    public static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    public static String htmlUnit() {
        Package htmlUnit = org.htmlunit.WebClient.class.getPackage();
        String version = htmlUnit == null ? null : htmlUnit.getImplementationVersion();
        return version == null ? "5.7.0" : version;
    }
}
