package org.crossdesk.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;
import org.crossdesk.notifications.egress.EgressPolicy;
import org.crossdesk.notifications.testing.TestDns;
import org.crossdesk.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport against real HTTP and HTTPS servers on this machine, with names resolved by a table: it
 * connects only to addresses the egress policy accepted, and keeps the URL's host for the Host header, the
 * TLS server name and the certificate check.
 */
class HttpWebhookTransportTest {

    private static final String NAME = "hooks.partner.test";
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json", "X-Probe", "1");
    private static final byte[] BODY = "{\"kind\":\"ALERT\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    private static WebhookReceiver receiver;
    private static HttpsServer https;
    private static SSLContext trustingTheTestCertificate;
    private static final List<String> serverNames = new CopyOnWriteArrayList<>();
    private static final List<String> httpsHosts = new CopyOnWriteArrayList<>();

    private final TestDns dns = new TestDns();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private HttpWebhookTransport transport;

    @BeforeAll
    static void startReceivers() throws Exception {
        receiver = new WebhookReceiver();
        KeyStore keys = selfSignedCertificateFor(NAME);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        trustingTheTestCertificate = SSLContext.getInstance("TLS");
        trustingTheTestCertificate.init(null, trust.getTrustManagers(), null);

        https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(server) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNames.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        https.createContext("/", exchange -> {
            httpsHosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        https.start();
    }

    /** A key pair and a certificate naming only {@code host} (no IP address), made by the JDK's keytool. */
    private static KeyStore selfSignedCertificateFor(String host) throws Exception {
        Path file = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "receiver",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=" + host,
                        "-ext",
                        "SAN=dns:" + host,
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("keytool.log").toFile())
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(Files.readString(dir.resolve("keytool.log")))
                .isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(file.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    @AfterAll
    static void stopReceivers() {
        receiver.close();
        https.stop(0);
    }

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
        executor.shutdownNow();
    }

    private HttpWebhookTransport transport(boolean allowInsecureHttp, boolean allowPrivateAddresses) {
        transport = new HttpWebhookTransport(
                new EgressPolicy(allowInsecureHttp, allowPrivateAddresses, dns),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                executor,
                Clock.systemUTC(),
                trustingTheTestCertificate);
        return transport;
    }

    private static AttemptResult post(HttpWebhookTransport transport, String url) throws Exception {
        return transport.post(URI.create(url), HEADERS, BODY).get(15, TimeUnit.SECONDS);
    }

    @Test
    void aNameIsConnectedToTheAddressItResolvedToAndKeepsItsHostHeader() throws Exception {
        dns.point(NAME, "127.0.0.1");
        String url = receiver.url("/named").replace("127.0.0.1", NAME);

        AttemptResult result = post(transport(true, true), url);

        assertThat(result.delivered()).as(result.error()).isTrue();
        WebhookReceiver.Received request = receiver.received("/named").get(0);
        assertThat(request.header("Host")).isEqualTo(url.substring("http://".length(), url.indexOf("/named")));
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Probe")).isEqualTo("1");
        assertThat(request.header("User-Agent")).isEqualTo("Crossdesk-Webhooks/1");
        assertThat(request.body()).isEqualTo(BODY);
    }

    @Test
    void overHttpsTheServerNameAndTheCertificateCheckAreTheUrlsHost() throws Exception {
        dns.point(NAME, "127.0.0.1");
        int port = https.getAddress().getPort();
        HttpWebhookTransport strictAboutHttp = transport(false, true);

        AttemptResult byName = post(strictAboutHttp, "https://" + NAME + ":" + port + "/tls");
        assertThat(byName.delivered()).as(byName.error()).isTrue();
        assertThat(serverNames).contains(NAME);
        assertThat(httpsHosts).contains(NAME + ":" + port);

        // The same server by its address: the certificate names only the host, so the check fails.
        AttemptResult byAddress = post(strictAboutHttp, "https://127.0.0.1:" + port + "/tls");
        assertThat(byAddress.delivered()).isFalse();
        assertThat(byAddress.error()).containsIgnoringCase("certificate");
    }

    @Test
    void anInternalAddressIsRefusedBeforeAnyConnectionAndForGood() throws Exception {
        AttemptResult loopback = post(transport(true, false), receiver.url("/strict"));

        assertThat(loopback.delivered()).isFalse();
        assertThat(loopback.retryable()).as("a refusal is permanent").isFalse();
        assertThat(loopback.error()).startsWith("address refused").contains("127.0.0.1", "loopback");
        assertThat(receiver.received("/strict")).isEmpty();
    }

    @Test
    void aNameRepointedAtCloudMetadataIsRefusedWhenItIsDelivered() throws Exception {
        HttpWebhookTransport local = transport(true, true);
        dns.point("rebind.partner.test", "127.0.0.1");
        String url = receiver.url("/rebind").replace("127.0.0.1", "rebind.partner.test");
        // Registered while it pointed at an acceptable address; then the attacker re-points the name.
        dns.point("rebind.partner.test", "169.254.169.254");

        AttemptResult result = post(local, url);

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).contains("rebind.partner.test", "169.254.169.254", "link-local");
        assertThat(receiver.received("/rebind")).isEmpty();
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() throws Exception {
        AttemptResult result = post(transport(false, true), receiver.url("/plain"));

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).contains("https", "allow-insecure-http");
        assertThat(receiver.received("/plain")).isEmpty();
    }
}
