package org.crossdesk.schemaregistry.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.config.ConfigException;

/**
 * The registry's base URLs with a sticky "current" one: a network failure moves every later request to the
 * next URL (as Confluent's {@code UrlList} does), so one dead instance costs one failed connect, not one per
 * request.
 */
final class BaseUrls {

    /** One base URL, its user info split off (sent as Basic auth only when configured so). */
    record BaseUrl(String url, String userInfo) {}

    private final List<BaseUrl> urls;
    private final AtomicInteger current;

    BaseUrls(List<String> rawUrls, boolean randomize) {
        if (rawUrls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SchemaRegistryClientConfig.URL
                    + "\" which has no default value.");
        }
        this.urls = rawUrls.stream().map(BaseUrls::parse).toList();
        this.current = new AtomicInteger(randomize ? ThreadLocalRandom.current().nextInt(urls.size()) : 0);
    }

    int size() {
        return urls.size();
    }

    BaseUrl current() {
        return urls.get(Math.floorMod(current.get(), urls.size()));
    }

    /** Moves on from {@code failed}, unless another thread already did. */
    void fail(BaseUrl failed) {
        int index = current.get();
        if (urls.get(Math.floorMod(index, urls.size())) == failed) {
            current.compareAndSet(index, index + 1);
        }
    }

    List<BaseUrl> all() {
        return urls;
    }

    private static BaseUrl parse(String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new ConfigException(SchemaRegistryClientConfig.URL, raw, "Not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new ConfigException(SchemaRegistryClientConfig.URL, raw, "Expected an http:// or https:// URL");
        }
        // Keep the path: a prefix such as /apis/ccompat/v7 must survive; paths are appended to it.
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String authority = uri.getHost().contains(":") && !uri.getHost().startsWith("[")
                ? "[" + uri.getHost() + "]"
                : uri.getHost();
        if (uri.getPort() >= 0) {
            authority += ":" + uri.getPort();
        }
        return new BaseUrl(scheme.toLowerCase() + "://" + authority + path, uri.getRawUserInfo());
    }
}
