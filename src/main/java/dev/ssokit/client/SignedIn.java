package dev.ssokit.client;

import dev.ssokit.model.AuthMode;

/** Result of {@link ClientUnderTest#connect}: which way the client authenticated and the loginId it used. */
public record SignedIn(AuthMode authenticatedWith, String loginId, int signInStatus) {
}
