package org.crossdesk.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules of the build that Maven's enforcer cannot state, checked by the first module the reactor builds: one place
 * for each dependency version (the root pom's {@code dependencyManagement}, or the Spring Boot parent's).
 */
class BuildRulesTest {

    private static final Path ROOT = Path.of("../..");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("<version>\\s*(.*?)\\s*</version>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*(.*?)\\s*</artifactId>");
    // What a module's pom may hold outside its dependencies: its parent's version, plugins' own settings.
    private static final Pattern NOT_DEPENDENCIES =
            Pattern.compile("<(dependencyManagement|build|parent)>.*?</\\1>", Pattern.DOTALL);

    @Test
    void noModuleDeclaresADependencyVersion() throws IOException {
        List<String> unmanaged = new ArrayList<>();
        try (Stream<Path> poms = Files.walk(ROOT)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p ->
                            !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .filter(p -> !p.normalize().equals(ROOT.resolve("pom.xml").normalize()))
                    .toList()) {
                String dependencies =
                        NOT_DEPENDENCIES.matcher(Files.readString(pom)).replaceAll("");
                Matcher dependency = DEPENDENCY.matcher(dependencies);
                while (dependency.find()) {
                    Matcher version = VERSION.matcher(dependency.group(1));
                    // ${project.version}: the services' exec jars the system tests declare, built in this reactor.
                    if (version.find() && !version.group(1).equals("${project.version}")) {
                        Matcher artifact = ARTIFACT.matcher(dependency.group(1));
                        unmanaged.add(pom.normalize() + ": " + (artifact.find() ? artifact.group(1) : "?") + " "
                                + version.group(1));
                    }
                }
            }
        }
        assertThat(unmanaged)
                .as("dependency versions outside the root pom's dependencyManagement")
                .isEmpty();
    }
}
