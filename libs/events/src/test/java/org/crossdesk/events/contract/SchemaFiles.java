package org.crossdesk.events.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/** The {@code .avsc} files of the contract: the current ones and every released copy. */
final class SchemaFiles {

    /** The schemas directory; Maven runs tests in the module directory, two levels below the root. */
    static final Path ROOT = Path.of(System.getProperty("crossdesk.schemas.dir", "../../schemas"))
            .normalize();

    static final Path RELEASED = ROOT.resolve("released");

    private SchemaFiles() {}

    /** A schema file and the full name its path promises. */
    record SchemaFile(Path path, String expectedFullName) {
        @Override
        public String toString() {
            return expectedFullName;
        }
    }

    /** Every current {@code .avsc} (not the released copies), in path order. */
    static List<SchemaFile> current() {
        return under(ROOT, RELEASED);
    }

    /** Every release directory {@code schemas/released/<n>}, in release order. */
    static List<Path> releases() {
        if (!Files.isDirectory(RELEASED)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(RELEASED)) {
            return dirs.filter(Files::isDirectory)
                    .sorted((a, b) -> Integer.compare(
                            Integer.parseInt(a.getFileName().toString()),
                            Integer.parseInt(b.getFileName().toString())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema files of one release directory. */
    static List<SchemaFile> release(Path releaseDir) {
        return under(releaseDir, null);
    }

    /**
     * Parses a set of files the way the avro-maven-plugin does (one {@link SchemaParser}, references
     * resolved across files once all are read) and returns every named type by full name.
     */
    static Map<String, Schema> catalog(List<SchemaFile> files) {
        SchemaParser parser = new SchemaParser();
        for (SchemaFile file : files) {
            try {
                parser.parse(file.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Schema> byName = new TreeMap<>();
        for (Schema schema : parser.getParsedNamedSchemas()) {
            byName.put(schema.getFullName(), schema);
        }
        return byName;
    }

    private static List<SchemaFile> under(Path root, Path excluded) {
        List<SchemaFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(p -> excluded == null || !p.startsWith(excluded))
                    .filter(p -> p.getFileName().toString().endsWith(".avsc"))
                    .sorted()
                    .forEach(p -> files.add(new SchemaFile(p, fullNameFromPath(root.relativize(p)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String fullNameFromPath(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return path.substring(0, path.length() - ".avsc".length()).replace('/', '.');
    }
}
