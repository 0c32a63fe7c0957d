package org.crossdesk.schemaregistry.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;

/** {@code crossdesk.registry.auth.enabled=false} is the explicit opt-out; it is said loudly at start. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = AuthSettings.ENABLED, havingValue = false)
class AuthOffWarning {

    private static final Logger log = LoggerFactory.getLogger(AuthOffWarning.class);

    AuthOffWarning() {
        log.warn(
                "Registry authentication is off ({}=false): anyone who reaches this port can change or delete"
                        + " schemas",
                AuthSettings.ENABLED);
    }
}
