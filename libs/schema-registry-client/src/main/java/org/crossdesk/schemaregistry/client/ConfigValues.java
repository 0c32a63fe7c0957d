package org.crossdesk.schemaregistry.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Reads Kafka-style configuration maps, whose values arrive as strings from property files or as typed
 * objects from code ({@link Boolean}, {@link Integer}, {@link Class}, {@link Password}, lists).
 * Public because the serde package shares it; not part of the supported API.
 */
public final class ConfigValues {

    private final Map<String, Object> values;

    private ConfigValues(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Wraps a configuration map, adding the unprefixed spelling of every {@code schema.registry.}-prefixed key
     * that is not given unprefixed (docs/design/schema-registry-api.md §3.1).
     */
    public static ConfigValues of(Map<String, ?> configs) {
        Map<String, Object> values = new HashMap<>(configs == null ? Map.of() : configs);
        if (configs != null) {
            configs.forEach((key, value) -> {
                if (key.startsWith(SchemaRegistryClientConfig.PREFIX)
                        && !key.equals(SchemaRegistryClientConfig.URL)
                        && !key.equals(SchemaRegistryClientConfig.URL_RANDOMIZE)
                        && !key.startsWith(SchemaRegistryClientConfig.PREFIX + "ssl.")) {
                    values.putIfAbsent(key.substring(SchemaRegistryClientConfig.PREFIX.length()), value);
                }
            });
        }
        return new ConfigValues(values);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean contains(String key) {
        Object value = values.get(key);
        return value != null && !string(value).isBlank();
    }

    public String getString(String key, String defaultValue) {
        Object value = values.get(key);
        return value == null ? defaultValue : string(value).trim();
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = string(value).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            case "" -> defaultValue;
            default -> throw new ConfigException(key, value, "Expected true or false");
        };
    }

    public long getLong(String key, long defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        String text = string(value).trim();
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "Expected a whole number");
        }
    }

    public int getInt(String key, int defaultValue) {
        long value = getLong(key, defaultValue);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ConfigException(key, value, "Out of int range");
        }
        return (int) value;
    }

    /** A list given as a {@link Collection} or as a comma-separated string; blanks dropped. */
    public List<String> getList(String key) {
        Object value = values.get(key);
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object item : c) {
                addSplit(out, string(item));
            }
        } else if (value != null) {
            addSplit(out, string(value));
        }
        return out;
    }

    /** Every {@code prefix + suffix = value} entry, keyed by suffix. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length() && value != null) {
                out.put(key.substring(prefix.length()), string(value));
            }
        });
        return out;
    }

    public Object getRaw(String key) {
        return values.get(key);
    }

    private static void addSplit(List<String> out, String text) {
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                out.add(trimmed);
            }
        }
    }

    private static String string(Object value) {
        if (value instanceof Password p) {
            return p.value();
        }
        if (value instanceof Class<?> c) {
            return c.getName();
        }
        return String.valueOf(value);
    }
}
