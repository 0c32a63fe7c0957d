package org.crossdesk.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused demo credential into Spring Boot's short start-up failure report instead of a stack trace. */
class DemoCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<DemoCredentialsRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoCredentialsRefusedException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                cause.remedy() + " Or, for the demo only, set " + DemoMode.ENVIRONMENT_VARIABLE + "=true.",
                cause);
    }
}
