package org.crossdesk.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.crossdesk.events.common.Priority;
import org.crossdesk.events.common.ReferralType;
import org.crossdesk.events.deadline.DeadlineKind;
import org.crossdesk.events.examples.ReferralStory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The page in a real browser (headless Chromium from Debian's packages): it shows the numbers of the
 * events published, updates live without a reload, and keeps its charts accessible. Countries used here
 * (PG issues; VU receives; NR is withheld) appear in no other test.
 */
class DashboardPageTest extends LiveDashboard {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipping the real-browser test: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing "
                        + "(apt-get install -y chromium chromium-driver; CI installs them).");
        profile = Files.createTempDirectory("dashboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1440,900",
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void showsThePublishedNumbersAndFollowsNewEventsWithoutReloading() throws IOException {
        Instant t = Instant.now().minus(Duration.ofMinutes(20));
        ReferralStory first =
                ReferralStory.of("CD-PAGE-1", "PG-RPNGC", ReferralType.DRUG_TRAFFICKING, Priority.URGENT, t);
        ReferralStory second = ReferralStory.of("CD-PAGE-2", "PG-RPNGC", ReferralType.FUGITIVE, Priority.IMMEDIATE, t);
        publish(
                first.submitted(),
                first.routed(t.plusSeconds(1), List.of("VU-VPF"), List.of("NR")),
                first.delivered("VU-VPF", t.plusSeconds(2)),
                second.submitted(),
                second.routed(t.plusSeconds(1), List.of("VU-VPF"), List.of("NR")),
                second.breached("VU-VPF", DeadlineKind.ACKNOWLEDGEMENT, t.plusSeconds(3601)));

        browser.get(uri("/#key=" + SUPERVISOR_KEY).toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(cell("chart-countries", "PG", 1)).isEqualTo("2");
            assertThat(cell("chart-open", "VU-VPF", 2)).isEqualTo("2");
            assertThat(cell("chart-breaches", "VU-VPF", 3)).isEqualTo("1");
            assertThat(cell("chart-withheld", "PG-NR", 2)).isEqualTo("2");
        });
        assertThat(browser.getCurrentUrl()).as("the key leaves the address bar").doesNotContain(SUPERVISOR_KEY);
        assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("Live");
        assertThat(browser.findElement(By.id("replay-text")).getText()).startsWith("Live.");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(number("total-submitted"))
                        .isEqualTo(apiNumber("/api/v1/views/volumes", "submitted")));
        assertChartsAreAccessible();

        ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'yes';");
        ReferralStory live = ReferralStory.of(
                "CD-PAGE-LIVE", "PG-RPNGC", ReferralType.COUNTER_TERRORISM, Priority.IMMEDIATE, Instant.now());
        publish(live.submitted());

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(text("#feed")).contains("CD-PAGE-LIVE");
            assertThat(cell("chart-countries", "PG", 1)).isEqualTo("3");
        });
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument;"))
                .isEqualTo("yes");
        assertThat(text("#feed li")).as("the newest item is on top").contains("CD-PAGE-LIVE");

        screenshot("dashboard.png");
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.body.scrollHeight;");
        browser.manage().window().setSize(new Dimension(1440, (int) Math.min(height + 40, 4000)));
        screenshot("dashboard-full.png");
    }

    @Test
    void asksForAKeyAndTurnsAwayADesk() {
        browser.get(uri("/").toString());

        WebElement input = browser.findElement(By.id("api-key"));
        await().atMost(Duration.ofSeconds(10)).until(input::isDisplayed);
        assertThat(browser.findElement(By.id("main")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("label[for=api-key]")).getText())
                .isEqualTo("API key");

        input.sendKeys(DESK_KEY);
        browser.findElement(By.cssSelector("#login-form button")).click();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                browser.findElement(By.id("login-error")).getText())
                        .contains("supervisors and auditors"));

        browser.findElement(By.id("api-key")).sendKeys(AUDITOR_KEY);
        browser.findElement(By.cssSelector("#login-form button")).click();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> browser.findElement(By.id("main")).isDisplayed());
        assertThat(browser.findElement(By.id("login")).isDisplayed()).isFalse();
        assertThat(((JavascriptExecutor) browser)
                        .executeScript("return sessionStorage.getItem('crossdesk.dashboard.apiKey');"))
                .isEqualTo(AUDITOR_KEY);
    }

    /**
     * Text of column {@code column} in the row {@code key} of the table under chart {@code chartId}, read in one
     * script call: the page redraws its tables with every update, so element handles go stale between calls.
     * textContent, because tables inside a closed {@code <details>} are not displayed, yet they are the data.
     */
    private String cell(String chartId, String key, int column) {
        Object text = browser.executeScript(
                "var row = document.querySelector(arguments[0]);"
                        + " if (!row) { return '(no row)'; }"
                        + " var cells = row.querySelectorAll('th, td');"
                        + " return cells.length > arguments[1] ? cells[arguments[1]].textContent.trim() : '(no cell)';",
                "#" + chartId + " tr[data-key='" + key + "']",
                column);
        return String.valueOf(text);
    }

    private String text(String cssSelector) {
        return String.valueOf(browser.executeScript(
                "var e = document.querySelector(arguments[0]); return e ? e.innerText : '';", cssSelector));
    }

    private long number(String id) {
        return Long.parseLong(browser.findElement(By.id(id)).getText().replace(",", ""));
    }

    private long apiNumber(String path, String field) throws Exception {
        String body = get(path, SUPERVISOR_KEY).body();
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(body)
                .path(field)
                .asLong();
    }

    /** Checks, in one script call (the charts are redrawn live), that every chart is labelled and has its table. */
    @SuppressWarnings("unchecked")
    private void assertChartsAreAccessible() {
        List<String> problems = (List<String>) browser.executeScript("""
        var problems = [];
        var charts = document.querySelectorAll('.chart');
        var drawn = 0;
        charts.forEach(function (chart) {
          var svg = chart.querySelector('svg');
          if (!svg) { return; }
          drawn++;
          if (svg.getAttribute('role') !== 'img') { problems.push(chart.id + ': svg without role=img'); }
          (svg.getAttribute('aria-labelledby') || '').split(' ').forEach(function (id) {
            var label = document.getElementById(id);
            if (!label || !label.textContent.trim()) { problems.push(chart.id + ': empty label ' + id); }
          });
          if (!chart.querySelector('table caption')) { problems.push(chart.id + ': no table with a caption'); }
        });
        if (drawn < 8) { problems.push('only ' + drawn + ' charts drawn'); }
        if (document.getElementById('feed').getAttribute('role') !== 'log') { problems.push('feed is not a log'); }
        if (!document.getElementById('replay-progress').getAttribute('aria-valuetext')) {
          problems.push('progress bar without a text value');
        }
        return problems;
        """);
        assertThat(problems).isEmpty();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
