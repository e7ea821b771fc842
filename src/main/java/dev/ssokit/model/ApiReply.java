package dev.ssokit.model;

/** A Finesse REST answer as the client saw it: status, content type and body (bodies carry no secrets). */
public record ApiReply(int status, String contentType, String body) {
}
