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

    @ParameterType("resets the connection|answers with an empty response|answers with garbage and closes")
    public dev.ssokit.world.hostile.HostileLab.SocketFault socketFault(String text) {
        return text.startsWith("resets") ? dev.ssokit.world.hostile.HostileLab.SocketFault.RESET
                : text.contains("empty") ? dev.ssokit.world.hostile.HostileLab.SocketFault.EMPTY
                : dev.ssokit.world.hostile.HostileLab.SocketFault.GARBAGE;
    }

    @ParameterType("sends a 100 MB page|announces a 100 MB page|stalls in the middle of its body")
    public dev.ssokit.world.hostile.HostileLab.RawBody rawBody(String text) {
        return text.startsWith("sends") ? dev.ssokit.world.hostile.HostileLab.RawBody.ENDLESS_PAGE
                : text.startsWith("announces") ? dev.ssokit.world.hostile.HostileLab.RawBody.HUGE_ANNOUNCED_PAGE
                : dev.ssokit.world.hostile.HostileLab.RawBody.STALL_MID_BODY;
    }

    @ParameterType("a certificate for other names|a certificate from an unknown CA|an expired certificate")
    public dev.ssokit.world.hostile.HostileLab.TlsFault tlsFault(String text) {
        return text.contains("other names") ? dev.ssokit.world.hostile.HostileLab.TlsFault.WRONG_HOST_NAME
                : text.contains("unknown") ? dev.ssokit.world.hostile.HostileLab.TlsFault.UNKNOWN_CA
                : dev.ssokit.world.hostile.HostileLab.TlsFault.EXPIRED;
    }
}
