package org.crossdesk.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.crossdesk.launcher.Stack;
import org.crossdesk.launcher.services.Service;

/**
 * Keeps the dashboard moving: synthetic referrals of all three types from many desks at a steady rate over
 * the intake HTTP API, and, like real partner desks, most recipients acknowledge within seconds, some
 * report an outcome, a few referrals are withdrawn and some alerts are left unanswered (they breach their
 * deadline later).
 */
public final class DemoTraffic implements AutoCloseable {

    /** At most this many requests in flight: beyond it the demo skips a beat rather than queueing. */
    private static final int MAX_IN_FLIGHT = 256;

    private static final Set<String> ANSWERABLE = Set.of("ROUTED", "DELIVERED", "DELIVERY_FAILED");

    private final IntakeClient intake;
    private final SyntheticReferrals referrals;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpThreads;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Consumer<String> log;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong actioned = new AtomicLong();
    private final AtomicLong withdrawn = new AtomicLong();
    private final Set<String> reportedProblems = ConcurrentHashMap.newKeySet();

    private DemoTraffic(URI intakeUrl, DemoDirectory directory, String runId, Consumer<String> log) {
        this.log = log;
        this.scheduler = Executors.newScheduledThreadPool(2, daemon("crossdesk-demo"));
        this.httpThreads = Executors.newFixedThreadPool(2, daemon("crossdesk-demo-http"));
        this.intake = new IntakeClient(intakeUrl, httpThreads);
        this.referrals = new SyntheticReferrals(directory, new Random(), Clock.systemUTC(), runId);
    }

    /** Starts sending {@code rate} referrals per second until {@link #close}. */
    public static DemoTraffic start(Stack stack, double rate, Consumer<String> log) {
        URI intakeUrl = stack.url(Service.INTAKE)
                .orElseThrow(
                        () -> new IllegalStateException("the demo needs the intake service, which is not running"));
        Path directoryFile =
                stack.options().home().resolve("config").resolve("demo").resolve("directory.yaml");
        DemoDirectory directory = DemoDirectory.load(directoryFile);
        String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L, 36)
                .toUpperCase(Locale.ROOT);
        DemoTraffic demo = new DemoTraffic(intakeUrl, directory, runId, log);
        demo.begin(rate);
        log.accept(String.format(
                Locale.ROOT,
                "demo: sending %.1f synthetic referrals/s from %d desks to %s (run %s)",
                rate,
                directory.desks().size(),
                intakeUrl,
                runId));
        return demo;
    }

    private void begin(double rate) {
        // Up to 1000/s one referral per tick; above, a tick per millisecond sends several.
        long periodNanos = Math.max(1_000_000L, (long) (1e9 / rate));
        double perTick = rate * periodNanos / 1e9;
        double[] carry = {0};
        scheduler.scheduleAtFixedRate(
                () -> {
                    carry[0] += perTick;
                    while (carry[0] >= 1) {
                        carry[0] -= 1;
                        submitOne();
                    }
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
        scheduler.scheduleAtFixedRate(this::report, 15, 15, TimeUnit.SECONDS);
    }

    private void submitOne() {
        if (!inFlight.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        SyntheticReferrals.Submission submission = referrals.next(sequence.getAndIncrement());
        submitted.incrementAndGet();
        intake.submit(submission.issuer(), submission.body()).whenComplete((answer, error) -> {
            inFlight.release();
            if (error != null) {
                problem("submit", error.toString());
            } else if (answer.ok()) {
                accepted.incrementAndGet();
                String referralId = answer.body().path("referralId").asText();
                later(3_000, 12_000, () -> followUp(submission.issuer(), referralId, 0));
            } else {
                refused.incrementAndGet();
                problem("submit " + answer.status(), answer.raw());
            }
        });
    }

    /** As the issuer, looks up the recipients, then has each of them answer (or not). */
    private void followUp(String issuer, String referralId, int attempt) {
        intake.status(issuer, referralId).whenComplete((answer, error) -> {
            if (error != null || !answer.ok()) {
                if (attempt < 5) {
                    later(3_000, 5_000, () -> followUp(issuer, referralId, attempt + 1));
                }
                return;
            }
            JsonNode recipients = answer.body().path("recipients");
            if (recipients.isEmpty()
                    && attempt < 5
                    && !"ROUTED".equals(answer.body().path("status").asText())) {
                later(3_000, 5_000, () -> followUp(issuer, referralId, attempt + 1));
                return;
            }
            for (JsonNode recipient : recipients) {
                String desk = recipient.path("desk").asText();
                if (ANSWERABLE.contains(recipient.path("state").asText()) && chance(0.85)) {
                    later(0, 20_000, () -> acknowledge(desk, referralId));
                }
            }
            if (!recipients.isEmpty() && chance(0.03)) {
                later(
                        20_000,
                        40_000,
                        () -> intake.withdraw(issuer, referralId).thenAccept(withdrawal -> {
                            if (withdrawal.ok()) {
                                withdrawn.incrementAndGet();
                            }
                        }));
            }
        });
    }

    private void acknowledge(String recipient, String referralId) {
        intake.acknowledge(recipient, referralId, "Received, checking our records")
                .thenAccept(answer -> {
                    if (answer.ok()) {
                        acknowledged.incrementAndGet();
                        if (chance(0.4)) {
                            later(
                                    10_000,
                                    60_000,
                                    () -> intake.reportAction(
                                                    recipient,
                                                    referralId,
                                                    pick(List.of("ACTION_TAKEN", "NO_TRACE", "FLAGGED")))
                                            .thenAccept(report -> {
                                                if (report.ok()) {
                                                    actioned.incrementAndGet();
                                                }
                                            }));
                        }
                    } else if (answer.status() != 409) {
                        problem("acknowledge " + answer.status(), answer.raw());
                    }
                });
    }

    private void later(long minMillis, long maxMillis, Runnable task) {
        long delay = minMillis + ThreadLocalRandom.current().nextLong(Math.max(1, maxMillis - minMillis));
        try {
            scheduler.schedule(task, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void problem(String what, String detail) {
        String key = what + detail.substring(0, Math.min(detail.length(), 200));
        if (reportedProblems.size() < 5 && reportedProblems.add(key)) {
            log.accept("demo: " + what + " failed: " + detail.substring(0, Math.min(detail.length(), 600)));
        }
    }

    private void report() {
        log.accept(String.format(
                Locale.ROOT,
                "demo: %d referrals sent (%d accepted, %d refused%s), %d acknowledgements, %d action reports, %d withdrawals",
                submitted.get(),
                accepted.get(),
                refused.get(),
                skipped.get() > 0 ? ", " + skipped.get() + " skipped: intake is slower than the rate" : "",
                acknowledged.get(),
                actioned.get(),
                withdrawn.get()));
    }

    private static boolean chance(double p) {
        return ThreadLocalRandom.current().nextDouble() < p;
    }

    private static <T> T pick(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops sending; requests in flight are abandoned (the stack is stopping anyway). */
    @Override
    public void close() {
        scheduler.shutdownNow();
        httpThreads.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
