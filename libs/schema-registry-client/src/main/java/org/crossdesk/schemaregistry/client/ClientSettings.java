package org.crossdesk.schemaregistry.client;

import static org.crossdesk.schemaregistry.client.SchemaRegistryClientConfig.*;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;

/** The REST client's settings, validated once at construction. */
record ClientSettings(
        List<String> urls,
        boolean randomizeUrls,
        AuthMode authMode,
        String staticAuthorization,
        Map<String, String> extraHeaders,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        long retriesWaitMs,
        long retriesMaxWaitMs,
        String proxyHost,
        int proxyPort) {

    enum AuthMode {
        NONE,
        BASIC_USER_INFO,
        BASIC_URL,
        BEARER
    }

    /** Headers the JDK HTTP client manages itself and refuses to take from the caller. */
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    static ClientSettings from(List<String> urlsOverride, Map<String, ?> configs) {
        ConfigValues c = ConfigValues.of(configs);
        List<String> urls = urlsOverride != null ? urlsOverride : c.getList(URL);

        String basicSource = c.getString(BASIC_AUTH_CREDENTIALS_SOURCE, "");
        String bearerSource = c.getString(BEARER_AUTH_CREDENTIALS_SOURCE, "");
        if (!basicSource.isEmpty() && !bearerSource.isEmpty()) {
            throw new ConfigException("Only one of '" + BASIC_AUTH_CREDENTIALS_SOURCE + "' and '"
                    + BEARER_AUTH_CREDENTIALS_SOURCE + "' may be specified");
        }

        AuthMode mode = AuthMode.NONE;
        String authorization = null;
        Map<String, String> headers = new LinkedHashMap<>();
        if (!basicSource.isEmpty()) {
            switch (basicSource.toUpperCase(Locale.ROOT)) {
                case "USER_INFO" -> {
                    String userInfo = c.getString(USER_INFO, "");
                    if (userInfo.isEmpty()) {
                        throw new ConfigException(
                                USER_INFO,
                                "(empty)",
                                "Required when " + BASIC_AUTH_CREDENTIALS_SOURCE
                                        + "=USER_INFO; expected user:password");
                    }
                    mode = AuthMode.BASIC_USER_INFO;
                    authorization = basic(userInfo);
                }
                case "URL" -> mode = AuthMode.BASIC_URL;
                case "SASL_INHERIT" -> {
                    // As Confluent's clients: the Kafka client's own SASL login is the registry login, so a desk
                    // configures one credential, not two.
                    mode = AuthMode.BASIC_USER_INFO;
                    authorization = basic(saslUserInfo(c.getString(SaslConfigs.SASL_JAAS_CONFIG, "")));
                }
                default ->
                    throw new ConfigException(
                            BASIC_AUTH_CREDENTIALS_SOURCE,
                            basicSource,
                            "Supported values are USER_INFO, URL and SASL_INHERIT");
            }
        } else if (!bearerSource.isEmpty()) {
            if (!bearerSource.equalsIgnoreCase("STATIC_TOKEN")) {
                throw new ConfigException(
                        BEARER_AUTH_CREDENTIALS_SOURCE, bearerSource, "The supported value is STATIC_TOKEN");
            }
            String token = c.getString(BEARER_AUTH_TOKEN, "");
            if (token.isEmpty()) {
                throw new ConfigException(
                        BEARER_AUTH_TOKEN,
                        "(empty)",
                        "Required when " + BEARER_AUTH_CREDENTIALS_SOURCE + "=STATIC_TOKEN");
            }
            mode = AuthMode.BEARER;
            authorization = "Bearer " + token;
            String cluster = c.getString(BEARER_AUTH_LOGICAL_CLUSTER, "");
            if (!cluster.isEmpty()) {
                headers.put("target-sr-cluster", cluster);
            }
            String pool = c.getString(BEARER_AUTH_IDENTITY_POOL_ID, "");
            if (!pool.isEmpty()) {
                headers.put("Confluent-Identity-Pool-Id", pool);
            }
        }

        c.withPrefix(REQUEST_HEADER_PREFIX).forEach((name, value) -> {
            if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(
                        REQUEST_HEADER_PREFIX + name, value, "The HTTP client sets this header itself");
            }
            headers.put(name, value);
        });

        int maxRetries = c.getInt(MAX_RETRIES, MAX_RETRIES_DEFAULT);
        long waitMs = c.getLong(RETRIES_WAIT_MS, RETRIES_WAIT_MS_DEFAULT);
        long maxWaitMs = c.getLong(RETRIES_MAX_WAIT_MS, RETRIES_MAX_WAIT_MS_DEFAULT);
        if (maxRetries < 0 || waitMs < 0 || maxWaitMs < 0) {
            throw new ConfigException(
                    MAX_RETRIES + ", " + RETRIES_WAIT_MS + " and " + RETRIES_MAX_WAIT_MS + " must not be negative");
        }
        long connectMs = c.getLong(HTTP_CONNECT_TIMEOUT_MS, HTTP_CONNECT_TIMEOUT_MS_DEFAULT);
        long readMs = c.getLong(HTTP_READ_TIMEOUT_MS, HTTP_READ_TIMEOUT_MS_DEFAULT);
        if (connectMs <= 0 || readMs <= 0) {
            throw new ConfigException(HTTP_CONNECT_TIMEOUT_MS + " and " + HTTP_READ_TIMEOUT_MS + " must be positive");
        }

        return new ClientSettings(
                List.copyOf(urls),
                c.getBoolean(URL_RANDOMIZE, false),
                mode,
                authorization,
                Map.copyOf(headers),
                Duration.ofMillis(connectMs),
                Duration.ofMillis(readMs),
                maxRetries,
                waitMs,
                maxWaitMs,
                c.getString(PROXY_HOST, ""),
                c.getInt(PROXY_PORT, -1));
    }

    /** Never print credentials, whoever logs this. */
    @Override
    public String toString() {
        return "ClientSettings[urls=" + urls + ", auth=" + authMode + ", headers=" + extraHeaders.keySet()
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxRetries=" + maxRetries
                + ", retriesWaitMs=" + retriesWaitMs + ", retriesMaxWaitMs=" + retriesMaxWaitMs + "]";
    }

    /** The Authorization header for one base URL, or null. */
    String authorizationFor(BaseUrls.BaseUrl base) {
        if (authMode == AuthMode.BASIC_URL) {
            return base.userInfo() == null ? null : basic(decode(base.userInfo()));
        }
        return staticAuthorization;
    }

    /** {@code user:password} from the {@code username} and {@code password} options of a JAAS login line. */
    private static String saslUserInfo(String jaasConfig) {
        if (jaasConfig.isEmpty()) {
            throw new ConfigException(
                    SaslConfigs.SASL_JAAS_CONFIG,
                    "(empty)",
                    "Required when " + BASIC_AUTH_CREDENTIALS_SOURCE + "=SASL_INHERIT");
        }
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
                        Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaasConfig)))
                .configurationEntries();
        Map<String, ?> options = entries.get(0).getOptions();
        Object user = options.get("username");
        Object password = options.get("password");
        if (user == null || password == null) {
            // Never quote the line: it holds a password.
            throw new ConfigException(
                    SaslConfigs.SASL_JAAS_CONFIG,
                    "(hidden)",
                    BASIC_AUTH_CREDENTIALS_SOURCE + "=SASL_INHERIT needs username and password in the login module");
        }
        return user + ":" + password;
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String rawUserInfo) {
        return URLDecoder.decode(rawUserInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
