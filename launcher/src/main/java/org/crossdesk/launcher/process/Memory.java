package org.crossdesk.launcher.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident memory of a process tree, from /proc (Linux only; empty elsewhere). */
public final class Memory {

    private Memory() {}

    /** VmRSS of the process and its descendants, in KiB. */
    public static OptionalLong rssKiB(ProcessHandle root) {
        OptionalLong own = rssOf(root.pid());
        if (own.isEmpty()) {
            return own;
        }
        long total = own.getAsLong()
                + root.descendants()
                        .mapToLong(child -> rssOf(child.pid()).orElse(0))
                        .sum();
        return OptionalLong.of(total);
    }

    static OptionalLong rssOf(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
