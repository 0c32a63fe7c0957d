package org.crossdesk.platform.security;

/** A published demo credential configured outside demo mode: the service must not start with it. */
public class DemoCredentialsRefusedException extends IllegalStateException {

    private final String remedy;

    public DemoCredentialsRefusedException(String credential, String remedy) {
        super("Refusing to start: " + credential + ". Demo credentials are published in the Crossdesk repository,"
                + " so anyone can use them. " + remedy + " To run the demo instead, set " + DemoMode.PROPERTY
                + "=true (env " + DemoMode.ENVIRONMENT_VARIABLE + "=true).");
        this.remedy = remedy;
    }

    public String remedy() {
        return remedy;
    }
}
