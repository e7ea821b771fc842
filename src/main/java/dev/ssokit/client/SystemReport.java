package dev.ssokit.client;

import dev.ssokit.model.AuthMode;
import dev.ssokit.model.DeploymentType;

/** What the client read from SystemInfo. */
public record SystemReport(AuthMode systemAuthMode, DeploymentType deploymentType) {
}
