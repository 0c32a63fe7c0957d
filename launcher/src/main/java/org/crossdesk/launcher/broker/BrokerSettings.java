package org.crossdesk.launcher.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A single-node KRaft broker: client and controller ports on one host, its log directory, and extra
 * {@code server.properties} entries that override the defaults.
 */
public record BrokerSettings(String host, int port, int controllerPort, Path logDir, Map<String, String> overrides) {

  public BrokerSettings {
    if (port == controllerPort) {
      throw new IllegalArgumentException("the broker and controller ports must differ, both are " + port);
    }
    overrides = Map.copyOf(overrides);
  }

  public static BrokerSettings local(int port, int controllerPort, Path logDir) {
    return new BrokerSettings("127.0.0.1", port, controllerPort, logDir, Map.of());
  }

  public BrokerSettings withOverrides(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(overrides);
    merged.putAll(more);
    return new BrokerSettings(host, port, controllerPort, logDir, merged);
  }

  public String bootstrapServers() {
    return host + ":" + port;
  }
}
