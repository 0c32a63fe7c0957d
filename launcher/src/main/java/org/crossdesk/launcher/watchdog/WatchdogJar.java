package org.crossdesk.launcher.watchdog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the agent jar holding only {@link ParentWatchdog}. Generated rather than built so that it exists
 * wherever the launcher's classes run (the launcher jar, an IDE, another module's tests), and so that
 * nothing else of the launcher (its Jackson) leaks onto a child's class path.
 */
public final class WatchdogJar {

    private WatchdogJar() {}

    /** Writes the agent jar into {@code dir} (replacing an older one) and returns its path. */
    public static Path writeInto(Path dir) {
        String entryName = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchdog.class.getName());
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve("crossdesk-watchdog.jar");
            Path temp = Files.createTempFile(dir, "crossdesk-watchdog", ".tmp");
            try (InputStream classBytes = ParentWatchdog.class.getResourceAsStream("/" + entryName);
                    OutputStream out = Files.newOutputStream(temp);
                    JarOutputStream jar = new JarOutputStream(out, manifest)) {
                if (classBytes == null) {
                    throw new IllegalStateException("class file of " + ParentWatchdog.class.getName() + " not found");
                }
                jar.putNextEntry(new JarEntry(entryName));
                classBytes.transferTo(jar);
                jar.closeEntry();
            }
            // Atomic so that a child starting from an older run's jar never sees a half-written file.
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the watchdog agent into " + dir, e);
        }
    }
}
