package org.crossdesk.bench.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crossdesk.bench.BenchStack;
import org.crossdesk.launcher.services.Service;

/**
 * The dashboard service as a child process (its runnable jar), reached over HTTP only: started against
 * the broker and registry, watched through {@code GET /api/v1/views/replay} until its catch-up replay is
 * done, then stopped. On a secured stack it authenticates as its own principal ({@code svc-dashboard}, whose
 * secret the launcher keeps beside the data), with the environment the launcher gives it.
 */
final class DashboardProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "bench-supervisor-" + System.nanoTime();

    private final Process process;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DashboardProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static DashboardProcess start(
            Path jar, String bootstrap, String registry, BenchStack access, List<String> jvmOptions, Path log)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(access.serviceEnvironment(Service.DASHBOARD));
        env.put("CROSSDESK_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("CROSSDESK_KAFKA_SCHEMA_REGISTRY_URL", registry);
        env.put("CROSSDESK_HTTP_API_KEYS", sha256(KEY) + " bench SUPERVISOR");
        env.put("SERVER_PORT", Integer.toString(port));
        return new DashboardProcess(builder.start(), port);
    }

    /** Waits until the replay has caught up, printing its progress; returns its final status. */
    JsonNode awaitCaughtUp(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextPrint = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The dashboard exited with " + process.exitValue() + "; see its log");
            }
            JsonNode status = status();
            if (status != null) {
                if (!status.path("caughtUpAt").isNull()
                        && !status.path("caughtUpAt").isMissingNode()) {
                    return status;
                }
                if (System.nanoTime() > nextPrint) {
                    System.out.printf(
                            "  dashboard: %s %,d / %,d offsets%n",
                            status.path("state").asText(),
                            status.path("consumed").asLong(),
                            status.path("catchUpTarget").asLong());
                    nextPrint = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The dashboard did not catch up within " + timeout);
    }

    private JsonNode status() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/views/replay"))
                .header("Authorization", "Bearer " + KEY)
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (ConnectException | HttpTimeoutException e) {
            // Not listening yet, or too busy replaying to answer within the timeout: ask again.
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String sha256(String key) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
