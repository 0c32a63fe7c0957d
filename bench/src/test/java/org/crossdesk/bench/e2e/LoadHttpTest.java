package org.crossdesk.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.crossdesk.launcher.demo.DemoDirectory;
import org.crossdesk.launcher.demo.SyntheticReferrals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP generator keeps at most {@code connections} requests, and so connections, to intake at once. */
class LoadHttpTest {

    private final AtomicInteger underWay = new AtomicInteger();
    private final AtomicInteger mostUnderWay = new AtomicInteger();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(32);
    private final CountDownLatch answer = new CountDownLatch(1);
    private HttpServer intake;

    @BeforeEach
    void slowIntake() throws Exception {
        intake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        intake.createContext("/api/v1/referrals", exchange -> {
            mostUnderWay.accumulateAndGet(underWay.incrementAndGet(), Math::max);
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            try {
                // Held until the test has seen the requests pile up behind the generator's bound.
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            underWay.decrementAndGet();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        intake.setExecutor(serverThreads);
        intake.start();
    }

    @AfterEach
    void stop() {
        answer.countDown();
        intake.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void waitsForAFreeConnectionInsteadOfOpeningMore() throws Exception {
        Probes probes = new Probes();
        try (Load.Http load = new Load.Http(
                URI.create("http://127.0.0.1:" + intake.getAddress().getPort()), referrals(), 2048, 4)) {
            long due = load.run("T", 400, Duration.ofMillis(500), probes);
            // Intake answers nothing yet: the generator fills its four connections and queues the rest.
            await().atMost(Duration.ofSeconds(30)).until(() -> underWay.get() == 4);
            assertThat(load.accepted.sum()).isZero();

            answer.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> load.accepted.sum() == due);
            assertThat(load.failed.sum() + load.skipped.sum()).isZero();
        }
        assertThat(mostUnderWay.get()).isEqualTo(4);
        assertThat(clientPorts).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void refusesMoreThanSixtyFourConnections() {
        assertThatThrownBy(() -> new Load.Http(URI.create("http://127.0.0.1:1"), referrals(), 2048, 65))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64");
    }

    private static SyntheticReferrals referrals() {
        DemoDirectory directory = DemoDirectory.load(Path.of("..", "config", "demo", "directory.yaml"));
        return new SyntheticReferrals(directory, new Random(1), Clock.systemUTC(), "T");
    }
}
