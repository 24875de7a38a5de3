package cn.qinqing.launcher.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.qinqing.launcher.Platform;
import cn.qinqing.launcher.RunningService;
import cn.qinqing.launcher.browser.BrowserPlatform;
import cn.qinqing.testsupport.OidcLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package; .ci/run installs it through ./deploy/prometheus/check.sh) with the scrape
 * configuration and alert rules that deploy/ ships, against the whole platform the browser tests share: every service
 * is a target and up, appeals filed show in the command and processor metrics, every processor's lag comes back to 0,
 * and every metric the Grafana dashboard and the alert rules name exists.
 */
class PrometheusScrapeIT {

    static final Path ROOT = Path.of(System.getProperty("qinqing.root", "../.."))
            .toAbsolutePath()
            .normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path work;

    static Platform platform;
    static Process prometheus;
    static URI api;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(onPath("prometheus"), "Debian's prometheus is not installed: ./deploy/prometheus.sh --install-only");
        platform = BrowserPlatform.get().platform();
        // the shipped configuration, scraped every 2 s instead of 15 s so that the test need not wait
        String config = Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"))
                .replace("scrape_interval: 15s", "scrape_interval: 2s")
                .replace("evaluation_interval: 15s", "evaluation_interval: 2s")
                .replace("refresh_interval: 30s", "refresh_interval: 2s");
        Files.writeString(work.resolve("prometheus.yml"), config);
        Files.copy(ROOT.resolve("deploy/prometheus/alerts.yml"), work.resolve("alerts.yml"));
        Files.createDirectories(work.resolve("targets"));
        String targets = platform.services().stream()
                .map(service -> "\"127.0.0.1:" + service.port() + "\"")
                .collect(Collectors.joining(", "));
        Files.writeString(
                work.resolve("targets/test.json"),
                "[{\"targets\": [" + targets + "], \"labels\": {\"env\": \"test\"}}]");
        int port = Platform.freePort();
        api = URI.create("http://127.0.0.1:" + port + "/api/v1/");
        prometheus = new ProcessBuilder(
                        "prometheus",
                        "--config.file=" + work.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + work.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    @Test
    void everyServiceIsUpTheFilingsShowAndEveryProcessorCatchesUp() throws Exception {
        int services = platform.services().size();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode active = get("targets").path("data").path("activeTargets");
                    assertThat(active).hasSize(services);
                    assertThat(active).allSatisfy(target -> assertThat(
                                    target.path("health").asText())
                            .as(target.path("scrapeUrl").asText() + " "
                                    + target.path("lastError").asText())
                            .isEqualTo("up"));
                    // a target's health is set by the scrape that also writes its "up" sample, which a query may
                    // not see yet in the same instant: asked again until both agree
                    assertThat(values("up{job=\"qinqing\"}").values())
                            .hasSize(services)
                            .containsOnly(1.0);
                });

        double before = values(
                        "sum(commandBus_allTimer_seconds_count{application=\"appeals\",payloadType=\"FileAppealCommand\"})")
                .values()
                .stream()
                .findFirst()
                .orElse(0.0);
        String enterprise = new OidcLogin(platform.issuer().toString()).userToken("enterprise-a", "qinqing-demo");
        for (int i = 0; i < 3; i++) {
            file(enterprise, "监控：第 " + (i + 1) + " 件诉求");
        }

        // Prometheus saw the three filings, then every processing group of every service at the head of the store
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(values(
                                        "sum(commandBus_allTimer_seconds_count{application=\"appeals\",payloadType=\"FileAppealCommand\"})")
                                .values())
                        .singleElement()
                        .satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(before + 3)));
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Double> lag = values("max by (application, group) (qinqing_processor_lag_events)");
                    assertThat(lag.keySet())
                            .as("processing groups of every event-sourced service")
                            .anyMatch(group -> group.contains("application=appeals"))
                            .anyMatch(group -> group.contains("application=oversight"));
                    assertThat(lag)
                            .allSatisfy((group, events) ->
                                    assertThat(events).as(group).isZero());
                    assertThat(values("max(qinqing_processor_lag_seconds)").values())
                            .containsOnly(0.0);
                });
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsNameIsScraped() throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> values("count(up{job=\"qinqing\"} == 1)").values().contains((double)
                        platform.services().size()));
        // the counters that exist from start-up on, even before anything was replayed, refused or fired late
        Set<String> scraped = new TreeSet<>();
        get("label/__name__/values").path("data").forEach(name -> scraped.add(name.asText()));

        JsonNode dashboard =
                JSON.readTree(ROOT.resolve("deploy/grafana/qinqing.json").toFile());
        Set<String> named = new TreeSet<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> named.addAll(metricNames(target.path("expr").asText()))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rules = get("rules").path("data").path("groups");
            assertThat(rules).isNotEmpty();
            rules.forEach(group -> group.path("rules")
                    .forEach(rule -> named.addAll(metricNames(rule.path("query").asText()))));
        });

        assertThat(dashboard.path("panels")).hasSizeGreaterThan(10);
        assertThat(named).contains("qinqing_processor_lag_seconds", "hikaricp_connections_pending", "up");
        assertThat(scraped).containsAll(named);
    }

    private static final Pattern SELECTORS =
            Pattern.compile("\"[^\"]*\"|\\{[^}]*}|\\[[^]]*]|\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "and", "or", "unless", "bool", "offset", "le");

    /** The metric names a PromQL expression reads: what is left when labels, ranges, strings and functions go. */
    static Set<String> metricNames(String expr) {
        String bare = SELECTORS.matcher(expr).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String token = matcher.group();
            int end = matcher.end();
            boolean function = bare.substring(end).stripLeading().startsWith("(");
            if (!function && !KEYWORDS.contains(token) && !token.matches("[0-9].*")) {
                names.add(token);
            }
        }
        return names;
    }

    @Test
    void theNamesOfAnExpressionAreItsMetricsOnly() {
        assertThat(metricNames("sum by (application) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m]))"
                        + " / sum by (application) (rate(http_server_requests_seconds_count[5m])) > 0.05"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(metricNames(
                        "histogram_quantile(0.95, sum by (uri, le) (rate(http_server_requests_seconds_bucket[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("max by (application, instance) (hikaricp_connections_active / hikaricp_connections_max)"
                        + " > 0.9 or max by (application, instance) (hikaricp_connections_pending) > 0"))
                .containsExactly(
                        "hikaricp_connections_active", "hikaricp_connections_max", "hikaricp_connections_pending");
    }

    private static void file(String token, String title) {
        RunningService appeals = platform.service("appeals");
        var response = new cn.qinqing.testsupport.HttpApi("http://127.0.0.1:" + appeals.port())
                .post("/api/appeals")
                .token(token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "title", title,
                        "description", "监控测试：专线送电。",
                        "category", "POWER",
                        "urgency", "NORMAL"))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /** An instant query's answer: each series' labels (as text) and value. */
    private static Map<String, Double> values(String query) throws IOException, InterruptedException {
        JsonNode result = get("query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .path("data")
                .path("result");
        Map<String, Double> values = new java.util.TreeMap<>();
        for (JsonNode series : result) {
            var labels = new ArrayList<String>();
            series.path("metric")
                    .fields()
                    .forEachRemaining(label ->
                            labels.add(label.getKey() + "=" + label.getValue().asText()));
            values.put(
                    String.join(",", labels),
                    Double.parseDouble(series.path("value").get(1).asText()));
        }
        return values;
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(api.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
