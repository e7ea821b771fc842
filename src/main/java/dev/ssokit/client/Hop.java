package dev.ssokit.client;

import java.util.List;

/**
 * One request as the client saw it: method, URL, status, Location and the names of the cookies the response set.
 * The client's own record, for targets that keep no journal (a lab); values pass the redactor before any report.
 */
public record Hop(String method, String url, int status, String location, List<String> cookiesSet) {
}
