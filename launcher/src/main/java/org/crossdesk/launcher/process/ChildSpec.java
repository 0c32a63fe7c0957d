package org.crossdesk.launcher.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run in a child JVM: a main class on a class path (or {@code -jar}), its JVM options, arguments
 * and the environment variables added to the launcher's own.
 *
 * @param name short name, used for the log file ({@code <name>.log}) and the pid file
 * @param jvmOptions heap and GC options, system properties
 * @param launch either {@code ["-cp", classpath, mainClass]} or {@code ["-jar", jar]}
 * @param args program arguments
 * @param environment added to (and overriding) the launcher's environment
 * @param workDir the child's working directory
 */
public record ChildSpec(
        String name,
        List<String> jvmOptions,
        List<String> launch,
        List<String> args,
        Map<String, String> environment,
        Path workDir) {

    public ChildSpec {
        Objects.requireNonNull(name, "name");
        jvmOptions = List.copyOf(jvmOptions);
        launch = List.copyOf(launch);
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workDir, "workDir");
    }

    public static List<String> mainClass(String classpath, String mainClass) {
        return List.of("-cp", classpath, mainClass);
    }

    public static List<String> jar(Path jar) {
        return List.of("-jar", jar.toString());
    }
}
