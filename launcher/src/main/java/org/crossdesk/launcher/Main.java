package org.crossdesk.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.crossdesk.access.AccessPlan;
import org.crossdesk.access.AclReport;
import org.crossdesk.launcher.deadletters.DeadLetters;
import org.crossdesk.launcher.demo.DemoTraffic;
import org.crossdesk.launcher.process.ChildProcess;
import org.crossdesk.launcher.process.Memory;

/** {@code ./crossdesk}: starts the stack, prints where everything is, and stops it all on Ctrl-C. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals(DeadLetters.COMMAND)) {
            // An operator's command against a running cluster, with options of its own: it starts nothing.
            System.exit(DeadLetters.run(List.of(args).subList(1, args.length), home(), System.out, System.err));
            return;
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (LaunchOptions.UsageException e) {
            System.err.println("crossdesk: " + e.getMessage());
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LaunchOptions.USAGE);
            return;
        }
        if (options.printAcls()) {
            AclReport.print(AccessPlan.all(options.printAclsDesks()), System.out);
            return;
        }
        Path home = home();
        StackOptions stackOptions = options.toStackOptions(home);
        long t0 = System.nanoTime();
        Stack stack;
        try {
            stack = Stack.start(stackOptions, line -> System.out.println("crossdesk: " + line));
        } catch (StackStartException e) {
            System.err.println("crossdesk: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Duration readyAfter = Duration.ofNanos(System.nanoTime() - t0);

        CountDownLatch stopped = new CountDownLatch(1);
        DemoTraffic[] demo = new DemoTraffic[1];
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\ncrossdesk: stopping (services first, the broker last) ...");
                            if (demo[0] != null) {
                                demo[0].close();
                            }
                            long stopStart = System.nanoTime();
                            stack.close();
                            if (!stack.killed().isEmpty()) {
                                System.out.println("crossdesk: did not stop in time, so killed: "
                                        + String.join(", ", stack.killed()));
                            }
                            System.out.printf(
                                    "crossdesk: stopped in %s; nothing is left running.%n",
                                    Stack.seconds(Duration.ofNanos(System.nanoTime() - stopStart)));
                            stopped.countDown();
                        },
                        "crossdesk-shutdown"));

        System.out.print(ReadyTable.render(
                stack.components(), rssMiB(stack), stack.skipped(), readyAfter, stackOptions, options.demo()));
        if (options.demo()) {
            try {
                demo[0] = DemoTraffic.start(stack, options.rate(), System.out::println);
            } catch (RuntimeException e) {
                System.err.println("crossdesk: the demo could not start: " + e.getMessage());
            }
        }
        // As docker-compose's restart policy: a component that dies is restarted, with back-off and its count shown.
        stack.keepRunning(line -> System.err.println("crossdesk: " + line));
        stopped.await();
    }

    static Map<String, Long> rssMiB(Stack stack) {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (ChildProcess process : stack.processes()) {
            Memory.rssKiB(process.handle()).ifPresent(kib -> rss.put(process.name(), kib / 1024));
        }
        return rss;
    }

    /**
     * The repository: {@code -Dcrossdesk.home}, else {@code CROSSDESK_HOME}, else two levels above the
     * launcher's jar ({@code <home>/launcher/target/launcher.jar}), else the working directory.
     */
    static Path home() {
        String property = System.getProperty("crossdesk.home");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String env = System.getenv("CROSSDESK_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        try {
            Path code = Path.of(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path target = code.getParent();
            if (target != null
                    && target.getFileName().toString().equals("target")
                    && target.getParent() != null
                    && Files.isDirectory(target.getParent().getParent().resolve("services"))) {
                return target.getParent().getParent();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
