package dev.ssokit.client;

/** Where a browse ended: the final URL (with any fragment), its status, content type and title. */
public record PageReport(String finalUrl, int status, String contentType, String title) {
}
