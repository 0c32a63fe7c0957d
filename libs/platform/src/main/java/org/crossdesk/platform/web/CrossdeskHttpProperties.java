package org.crossdesk.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.crossdesk.platform.security.MetricsAccessFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code crossdesk.http.*}: limits and authentication of a service's HTTP API. */
@ConfigurationProperties("crossdesk.http")
public class CrossdeskHttpProperties {

    /** Larger request bodies are refused with 413. A referral with many subjects fits easily. */
    private long maxBodyBytes = 256 * 1024;

    /** A file of API key entries (see ApiKeys); env {@code CROSSDESK_HTTP_API_KEYS_FILE}. */
    private String apiKeysFile;

    /** Inline API key entries separated by ';' (env {@code CROSSDESK_HTTP_API_KEYS}). */
    private String apiKeys;

    /** Ant-style paths that need an API key (the metrics need a supervisor's or an administrator's). */
    private List<String> protectedPaths = new ArrayList<>(List.of("/api/**", MetricsAccessFilter.METRICS_PATH));

    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public String getApiKeysFile() {
        return apiKeysFile;
    }

    public void setApiKeysFile(String apiKeysFile) {
        this.apiKeysFile = apiKeysFile;
    }

    public String getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(String apiKeys) {
        this.apiKeys = apiKeys;
    }

    public List<String> getProtectedPaths() {
        return protectedPaths;
    }

    public void setProtectedPaths(List<String> protectedPaths) {
        this.protectedPaths = protectedPaths;
    }
}
