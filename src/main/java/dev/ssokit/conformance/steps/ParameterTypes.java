package dev.ssokit.conformance.steps;

import dev.ssokit.model.AuthMode;
import dev.ssokit.model.DeploymentType;
import dev.ssokit.model.UsernameCarrier;
import io.cucumber.java.ParameterType;

/** The domain words the features use: auth modes, deployment types, where cc_username travels. */
public final class ParameterTypes {
    @ParameterType("SSO|NON_SSO|HYBRID")
    public AuthMode authMode(String text) {
        return AuthMode.parse(text);
    }

    @ParameterType("UCCE|UCCX")
    public DeploymentType deployment(String text) {
        return DeploymentType.parse(text);
    }

    @ParameterType("the query|a cookie")
    public UsernameCarrier carrier(String text) {
        return text.equals("a cookie") ? UsernameCarrier.COOKIE : UsernameCarrier.QUERY;
    }
}
