package org.crossdesk.routing.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The desk issuer's Kafka credential ({@code CROSSDESK_ROUTING_ISSUER_USERNAME}/{@code _PASSWORD}). Unset on a
 * cluster without ACLs (the service tests' broker): desks then get topics but no credentials.
 */
@ConfigurationProperties("crossdesk.routing.issuer")
public class IssuerProperties {

    private String username;
    private String password;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isConfigured() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
