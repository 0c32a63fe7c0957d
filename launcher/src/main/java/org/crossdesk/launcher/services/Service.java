package org.crossdesk.launcher.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Spring Boot services the launcher runs, in start order, with their fixed ports (docs/running.md) and heaps.
 * Each is started from its runnable jar {@code services/<name>/target/<name>-<version>-exec.jar}.
 */
public enum Service {
    SCHEMA_REGISTRY("schema-registry", 8081, "256m", "registry"),
    INTAKE("intake", 8082, "384m"),
    ROUTING("routing", 8083, "384m"),
    NOTIFICATIONS("notifications", 8084, "384m"),
    DASHBOARD("dashboard", 8085, "320m");

    private final String id;
    private final int defaultPort;
    private final String maxHeap;
    private final List<String> aliases;

    Service(String id, int defaultPort, String maxHeap, String... aliases) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.maxHeap = maxHeap;
        this.aliases = List.of(aliases);
    }

    /** The module and artifact name, also the child's name in logs and the table. */
    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String maxHeap() {
        return maxHeap;
    }

    public static Optional<Service> byName(String name) {
        return Arrays.stream(values())
                .filter(service -> service.id.equals(name) || service.aliases.contains(name))
                .findFirst();
    }

    /** The runnable jar under {@code home}, if it has been built. */
    public Optional<Path> execJar(Path home) {
        Path target = home.resolve("services").resolve(id).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(id + "-") && name.endsWith("-exec.jar");
                    })
                    .max((a, b) ->
                            Long.compare(a.toFile().lastModified(), b.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Services that depend on this one being healthy first (only the registry is a prerequisite). */
    public boolean isPrerequisite() {
        return this == SCHEMA_REGISTRY;
    }
}
