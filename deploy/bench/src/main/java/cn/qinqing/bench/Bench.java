package cn.qinqing.bench;

import cn.qinqing.launcher.Database;
import cn.qinqing.launcher.Platform;
import cn.qinqing.launcher.RunningService;
import cn.qinqing.launcher.ServiceCatalog;
import cn.qinqing.launcher.ServiceDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * {@code ./deploy/bench.sh}: the benchmark of issue 8. See {@code docs/performance.md} for the method.
 *
 * <p>Order: fresh database; start the services (P5), identity with a client for each of {@code --enterprises}
 * enterprises, which are then registered in appeals; raw insert baseline; warm-up; P1 closed and open model; P2 at
 * half of P1's rate; correctness (every acknowledged appeal stored exactly once, read models caught up); stop appeals
 * and assignment; grow the store with synthetic filings to {@code --events}; raw ordered read; P3 oversight replay;
 * with {@code --full}, P4: grow to {@code --growth-events}, restart the writers at the head and file again.
 */
public final class Bench {

    static final String FILED = "cn.qinqing.language.appeal.AppealFiledEvent";

    private final Options options;
    private final List<BenchEnterprise> enterprises;
    private final Path root;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Database database;
    private long otherServicesRssKib;

    private Bench(Options options, Path root) {
        this.options = options;
        this.root = root;
        this.enterprises = BenchEnterprise.first(options.enterprises);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path root = Path.of(System.getProperty("qinqing.root", "."))
                .toAbsolutePath()
                .normalize();
        new Bench(options, root).run();
    }

    private static void say(String message) {
        System.out.printf(
                "[bench %s] %s%n", LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), message);
    }

    private void run() throws Exception {
        long began = System.nanoTime();
        json.put("mode", options.full ? "full" : "quick");
        json.put("enterprises", enterprises.size());
        json.put("started_at", java.time.Instant.now().toString());
        json.put("machine", machine());
        String fresh = null;
        if (options.databaseUrl != null) {
            database = new Database(options.databaseUrl, "postgres", "");
        } else {
            fresh = "qinqing_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
            database = Database.createIfMissing(options.serverUrl, "postgres", "", fresh);
            say("fresh database " + fresh);
        }
        json.put("versions", versions());
        json.put("settings", settings());
        Platform platform = null;
        try {
            platform = startPlatform();
            measure(platform);
        } catch (Exception e) {
            json.put("error", failure(e));
            say("FAILED: " + failure(e));
            e.printStackTrace();
        } finally {
            if (platform != null) {
                platform.stop();
            }
            if (fresh != null && !options.keepDatabase) {
                dropDatabase(fresh);
            } else if (fresh != null) {
                say("kept database " + fresh);
            }
        }
        json.put("total_s", round((System.nanoTime() - began) / 1e9, 1));
        report();
        if (json.containsKey("error")) {
            System.exit(1);
        }
    }

    // ---- P5: start-up and memory

    /** Switches off the per-enterprise filing limit of appeals (docs/reliability.md, rate limits). */
    static final String NO_FILING_LIMIT = "--qinqing.appeals.filing-limit.capacity=0";

    private Platform startPlatform() throws InterruptedException {
        List<ServiceDefinition> services = options.services == null || options.services.equals(List.of("all"))
                ? ServiceCatalog.ALL.stream()
                        .filter(service -> service.isBuiltIn(root))
                        .toList()
                : ServiceCatalog.named(options.services.toArray(String[]::new));
        Platform.Builder builder = Platform.builder(root)
                .database(database)
                .services(services)
                .freePorts()
                .timeout(Duration.ofSeconds(options.startTimeoutSeconds))
                .runDirectory(root.resolve(".run/bench"))
                .progress(message -> say("platform: " + message));
        if (options.classDataSharing) {
            builder.classDataSharing(root.resolve(".run/cds"));
        }
        if (options.serviceHeap != null) {
            builder.javaOptions(javaOptions());
        }
        // the benchmark files thousands of appeals for each enterprise: the filing limit (100 an hour) would stop it
        builder.arguments("appeals", NO_FILING_LIMIT);
        builder.arguments(
                "identity", BenchEnterprise.identityArguments(enterprises).toArray(String[]::new));
        if (options.batchSize != null) {
            for (ServiceDefinition service : services) {
                // the platform binds the processing settings as one record: given one, the others must be given too
                builder.arguments(
                        service.name(),
                        "--qinqing.service.processing.batch-size=" + options.batchSize,
                        "--qinqing.service.processing.segments=2",
                        "--qinqing.service.processing.threads=2",
                        "--qinqing.service.processing.claim-timeout=10s",
                        "--qinqing.service.processing.poll-interval=1s");
            }
        }
        say("starting " + services.stream().map(ServiceDefinition::name).toList() + " (P5)");
        Map<String, Object> healthy = new LinkedHashMap<>();
        builder.progress(message -> {
            say("platform: " + message);
            Matcher after = Pattern.compile("(\\S+) healthy after ([0-9.]+) s").matcher(message);
            if (after.matches()) healthy.put(after.group(1), Double.parseDouble(after.group(2)));
        });
        Platform platform = builder.start();
        double seconds = platform.startupTime().toMillis() / 1000.0;
        Map<String, Object> p5 = new LinkedHashMap<>();
        p5.put("services", services.stream().map(ServiceDefinition::name).toList());
        p5.put("start_s", round(seconds, 1));
        p5.put("rss_idle_mib", rssMib(platform));
        p5.put("class_data_sharing", platform.classDataSharing());
        p5.put("healthy_after_s", healthy);
        if (platform.classDataSharing().containsValue("recording its class data archive")) {
            say("  (the first start after a build records the class data archives: run again for the usual start)");
        }
        if (options.services == null) {
            // the load keeps measuring the same services as before P5 covered all seven; the others' memory counts
            for (RunningService service : platform.services()) {
                if (!Options.LOAD_SERVICES.contains(service.name())) {
                    otherServicesRssKib += rssKib(service.pid());
                    stopIfRunning(platform, service.name());
                }
            }
            p5.put("rss_stopped_after_start_mib", otherServicesRssKib / 1024);
        }
        json.put("p5", p5);
        return platform;
    }

    private List<String> javaOptions() {
        return Platform.DEFAULT_JAVA_OPTIONS.stream()
                .map(option -> option.startsWith("-Xmx") && options.serviceHeap != null
                        ? "-Xmx" + options.serviceHeap
                        : option)
                .toList();
    }

    private static long rssMib(Platform platform) {
        long kib = 0;
        for (RunningService service : platform.services()) {
            kib += rssKib(service.pid());
        }
        return kib / 1024;
    }

    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // exited
        }
        return 0;
    }

    // ---- the measurements

    @SuppressWarnings("unchecked")
    private void measure(Platform platform) throws Exception {
        Duration phase = Duration.ofSeconds(options.durationSeconds);
        URI issuer = platform.issuer();
        URI appealsUrl =
                URI.create("http://127.0.0.1:" + platform.service("appeals").port() + "/api/appeals");
        registerEnterprises(issuer, appealsUrl);
        Filings filings = new Filings(appealsUrl, enterpriseTokens(issuer));

        say("warm-up: " + options.clients + " clients for " + phase.toSeconds() + " s (not counted)");
        Filings.Result warm = filings.closed(options.clients, phase);
        if (warm.ok() == 0) {
            throw new IllegalStateException("No filing succeeded during the warm-up: " + warm.firstFailure());
        }
        byte[][] template = templateEvent();
        // a fresh database has no planner statistics until autovacuum gets to it, which on a busy server can take
        // longer than the whole run: measure with the statistics a database in service has
        analyze();

        say("P1 raw baseline: single-row inserts from " + options.clients + " connections for " + phase.toSeconds()
                + " s");
        double rawInserts = Raw.inserts(database, options.clients, phase, template[0], template[1]);
        say(String.format("  raw inserts %.0f/s", rawInserts));

        filings.tokens(enterpriseTokens(issuer));
        // appeals answers the filings, assignment routes them (P2)
        List<Process> profilers = new ArrayList<>();
        if (options.profile) {
            for (String service : List.of("appeals", "assignment")) {
                profilers.add(jfr(service, platform.service(service).pid(), phase));
            }
        }
        say("P1 closed model: " + options.clients + " clients for " + phase.toSeconds() + " s");
        long[] before = commits();
        Filings.Result closed = filings.closed(options.clients, phase);
        long[] after = commits();
        say(describe(closed));
        double commitsPerFiling = (after[0] - before[0]) / (double) Math.max(1, closed.ok());
        say(String.format(
                "  %.1f commits per filing in the database (pg_stat_database.xact_commit)", commitsPerFiling));
        for (Process profiler : profilers) {
            profiler.waitFor(10, TimeUnit.SECONDS);
        }
        double openRate = options.openRate != null ? options.openRate : Math.max(1, 0.8 * closed.perSecond());
        say(String.format("P1 open model: %.0f filings/s for %d s", openRate, phase.toSeconds()));
        Filings.Result open = filings.open(openRate, phase);
        say(describe(open));

        Map<String, Object> p1 = new LinkedHashMap<>();
        p1.put("clients", options.clients);
        p1.put("filings_per_s", round(closed.perSecond(), 1));
        p1.put("raw_inserts_per_s", round(rawInserts, 1));
        p1.put("ratio", round(closed.perSecond() / rawInserts, 3));
        p1.put("closed", result(closed));
        p1.put("commits_per_filing", round(commitsPerFiling, 1));
        p1.put("rows_written_per_filing", round((after[1] - before[1]) / (double) Math.max(1, closed.ok()), 1));
        p1.put("open_rate_per_s", round(openRate, 1));
        p1.put("open", result(open));
        p1.put("p50_ms", round(open.ms(50), 1));
        p1.put("p95_ms", round(open.ms(95), 1));
        p1.put("p99_ms", round(open.ms(99), 1));
        p1.put("rss_after_load_mib", rssMib(platform));
        json.put("p1", p1);
        ((Map<String, Object>) json.get("p5"))
                .put(
                        "rss_mib",
                        Math.max(
                                (Long) ((Map<String, Object>) json.get("p5")).get("rss_idle_mib"),
                                (Long) p1.get("rss_after_load_mib") + otherServicesRssKib / 1024));

        long beforeP2 = head();
        Map<String, Object> p2 = new LinkedHashMap<>();
        if (options.services == null
                || options.services.contains("assignment")
                || options.services.equals(List.of("all"))) {
            double p2Rate = Math.max(1, closed.perSecond() / 2);
            say(String.format(
                    "P2 propagation: open model at %.0f filings/s (half of P1) for %d s", p2Rate, phase.toSeconds()));
            Filings p2Filings = new Filings(appealsUrl, enterpriseTokens(issuer));
            Filings.Result p2Load = p2Filings.open(p2Rate, phase);
            say(describe(p2Load));
            filings.acknowledged.addAll(p2Filings.acknowledged);
            filings.acknowledgements.addAndGet(p2Filings.acknowledgements.get());
            awaitCaughtUp(List.of("assignment"), Duration.ofSeconds(60));
            Histogram propagation = propagation(beforeP2, p2Filings.snapshot());
            p2.put("rate_per_s", round(p2Rate, 1));
            p2.put("enterprises", enterprises.size());
            p2.put("filings", p2Load.ok());
            p2.put("measured", propagation.getTotalCount());
            p2.put(
                    "effect",
                    "assignment opened the appeal's assignment (first assignment event's time_stamp)"
                            + " minus the AppealFiledEvent's time_stamp");
            p2.put("p50_ms", round(propagation.getValueAtPercentile(50) / 1000.0, 1));
            p2.put("p95_ms", round(propagation.getValueAtPercentile(95) / 1000.0, 1));
            p2.put("p99_ms", round(propagation.getValueAtPercentile(99) / 1000.0, 1));
            p2.put("max_ms", round(propagation.getMaxValue() / 1000.0, 1));
        }
        json.put("p2", p2);

        json.put("correctness", correctness(filings, platform));

        // P3 on a bigger store: the writers stop so that nobody reacts to the synthetic filings
        for (String writer : List.of("appeals", "assignment", "resolution", "meetings", "portal")) {
            stopIfRunning(platform, writer);
        }
        Map<String, Object> p3 = new LinkedHashMap<>();
        json.put("p3", p3);
        if (isRunning(platform, "oversight"))
            try {
                grow(options.events, template);
                say("P3 raw baseline: COPY of the event table in global order");
                double rawReads = Raw.orderedRead(database);
                say(String.format("  raw ordered read %.0f rows/s", rawReads));
                p3.put("raw_reads_per_s", round(rawReads, 1));
                String adminToken = token(issuer, "admin-client");
                URI replay = URI.create(
                        "http://127.0.0.1:" + platform.service("oversight").port() + "/api/oversight/admin/replay");
                double replayRate = replay(platform.service("oversight"), replay, adminToken);
                p3.put("events", head());
                p3.put("events_per_s", round(replayRate, 1));
                p3.put("raw_reads_per_s", round(rawReads, 1));
                p3.put("ratio", round(replayRate / rawReads, 3));
            } catch (Exception e) {
                p3.put("error", failure(e));
                say("P3 failed: " + failure(e));
            }

        if (options.full) {
            Map<String, Object> p4 = new LinkedHashMap<>();
            json.put("p4", p4);
            try {
                p4.putAll(growth(platform, issuer, closed, rawInserts));
            } catch (Exception e) {
                p4.put("error", failure(e));
                say("P4 failed: " + failure(e));
            }
        }
    }

    private static String failure(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String describe(Filings.Result result) {
        return String.format(
                "  %d ok, %d failed in %.1f s: %.1f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%s",
                result.ok(),
                result.failed(),
                result.seconds(),
                result.perSecond(),
                result.ms(50),
                result.ms(95),
                result.ms(99),
                result.latency().getMaxValue() / 1000.0,
                result.firstFailure().isEmpty() ? "" : "; first failure: " + abbreviate(result.firstFailure()));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static Map<String, Object> result(Filings.Result result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ok", result.ok());
        map.put("failed", result.failed());
        map.put("seconds", round(result.seconds(), 2));
        map.put("per_s", round(result.perSecond(), 1));
        map.put("p50_ms", round(result.ms(50), 1));
        map.put("p95_ms", round(result.ms(95), 1));
        map.put("p99_ms", round(result.ms(99), 1));
        map.put("max_ms", round(result.latency().getMaxValue() / 1000.0, 1));
        return map;
    }

    // ---- P2

    private Histogram propagation(long after, List<UUID> appeals) throws SQLException {
        Histogram histogram = new Histogram(3);
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        """
                        WITH filed AS (
                          SELECT convert_from(payload, 'UTF8')::jsonb ->> 'appealId' AS appeal, time_stamp::timestamptz AS t
                          FROM event_store.domain_event_entry WHERE global_index > ? AND payload_type = ?),
                        effect AS (
                          SELECT convert_from(payload, 'UTF8')::jsonb ->> 'appealId' AS appeal, min(time_stamp::timestamptz) AS t
                          FROM event_store.domain_event_entry
                          WHERE global_index > ? AND payload_type LIKE 'cn.qinqing.language.assignment.%'
                          GROUP BY 1)
                        SELECT extract(epoch FROM effect.t - filed.t) * 1000000
                        FROM filed JOIN effect USING (appeal) WHERE filed.appeal = ANY(?)""")) {
            query.setLong(1, after);
            query.setString(2, FILED);
            query.setLong(3, after);
            query.setArray(
                    4,
                    connection.createArrayOf(
                            "text", appeals.stream().map(UUID::toString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    histogram.recordValue(Math.max(0, Math.round(rows.getDouble(1))));
                }
            }
        }
        if (histogram.getTotalCount() < appeals.size()) {
            say("  warning: " + (appeals.size() - histogram.getTotalCount()) + " filings have no assignment event");
        }
        return histogram;
    }

    // ---- correctness

    private Map<String, Object> correctness(Filings filings, Platform platform) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        List<UUID> acknowledged = filings.snapshot();
        long head = head();
        List<String> groups = new ArrayList<>();
        for (String service : List.of("appeals", "assignment", "oversight")) {
            if (isRunning(platform, service)) groups.add(service);
        }
        boolean caughtUp = awaitCaughtUp(groups, Duration.ofSeconds(120));
        long once;
        long stored;
        long viewed;
        try (Connection connection = database.connect()) {
            Array ids = connection.createArrayOf(
                    "text", acknowledged.stream().map(UUID::toString).toArray());
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    SELECT count(*), count(*) FILTER (WHERE n = 1) FROM (
                      SELECT convert_from(payload, 'UTF8')::jsonb ->> 'appealId' AS appeal, count(*) AS n
                      FROM event_store.domain_event_entry WHERE payload_type = ? GROUP BY 1) s
                    WHERE appeal = ANY(?)""")) {
                query.setString(1, FILED);
                query.setArray(2, ids);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    stored = rows.getLong(1);
                    once = rows.getLong(2);
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT count(*) FROM appeals.appeal_view WHERE appeal_id::text = ANY(?)")) {
                query.setArray(1, ids);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    viewed = rows.getLong(1);
                }
            }
        }
        result.put("acknowledged", filings.acknowledgements.get());
        result.put("distinct_acknowledged", acknowledged.size());
        result.put("stored", stored);
        result.put("stored_exactly_once", once);
        result.put("in_appeal_view", viewed);
        result.put("head", head);
        result.put("read_models_caught_up", caughtUp);
        result.put("positions", positions());
        boolean ok = filings.acknowledgements.get() == acknowledged.size()
                && once == acknowledged.size()
                && stored == acknowledged.size()
                && viewed == acknowledged.size()
                && caughtUp;
        result.put("ok", ok);
        say("correctness: " + filings.acknowledgements.get() + " acknowledged, " + once + " stored exactly once, "
                + viewed + " in appeal_view, read models caught up: " + caughtUp + (ok ? " — OK" : " — FAILED"));
        return result;
    }

    private Map<String, Long> positions() throws SQLException {
        Map<String, Long> positions = new LinkedHashMap<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet schemas = statement.executeQuery(
                        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'token_entry'")) {
            List<String> names = new ArrayList<>();
            while (schemas.next()) names.add(schemas.getString(1));
            for (String schema : names) {
                try (Statement query = connection.createStatement();
                        ResultSet rows = query.executeQuery("SELECT processor_name, min(coalesce("
                                + "(convert_from(token, 'UTF8')::jsonb -> 'currentToken' ->> 'index')::bigint,"
                                + "(convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1))"
                                + " FROM " + schema + ".token_entry GROUP BY 1")) {
                    while (rows.next()) {
                        positions.put(schema + "/" + rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        return positions;
    }

    /** Waits until every processor in the given services' schemas has reached the head of the store. */
    private boolean awaitCaughtUp(List<String> schemas, Duration timeout) throws Exception {
        long head = head();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Long> positions = positions();
            boolean all = positions.entrySet().stream()
                    .filter(entry ->
                            schemas.stream().anyMatch(s -> entry.getKey().startsWith(s + "/")))
                    .allMatch(entry -> entry.getValue() >= head);
            if (all) return true;
            if (System.nanoTime() > deadline) {
                say("  not caught up after " + timeout.toSeconds() + " s: head " + head + ", " + positions);
                return false;
            }
            Thread.sleep(100);
        }
    }

    // ---- P3

    /** Adds synthetic filings (copies of a real AppealFiledEvent with fresh ids) until the store holds {@code target}. */
    private void grow(long target, byte[][] template) throws SQLException {
        long missing = target - count();
        if (missing <= 0) return;
        say("growing the store by " + missing + " synthetic AppealFiledEvents to " + target);
        long start = System.nanoTime();
        try (Connection connection = database.connect()) {
            String sql =
                    """
                    INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,
                      event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                    SELECT g.id, 0, t.type, gen_random_uuid()::text, t.meta_data,
                      convert_to(replace(convert_from(t.payload, 'UTF8'), t.aggregate_identifier, g.id), 'UTF8'),
                      t.payload_revision, t.payload_type, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                    FROM (SELECT * FROM event_store.domain_event_entry WHERE payload_type = ? ORDER BY global_index LIMIT 1) t,
                      (SELECT gen_random_uuid()::text AS id FROM generate_series(1, ?)) g""";
            long done = 0;
            while (done < missing) {
                long chunk = Math.min(100_000, missing - done);
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    insert.setString(1, FILED);
                    insert.setLong(2, chunk);
                    insert.executeUpdate();
                }
                done += chunk;
                if (done % 1_000_000 == 0 || done == missing) {
                    say(String.format("  %d inserted (%.0f/s)", done, done / ((System.nanoTime() - start) / 1e9)));
                }
            }
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE event_store.domain_event_entry");
            }
        }
    }

    /** Requests the oversight replay and polls its progress until done: events per second from reset to done. */
    private double replay(RunningService oversight, URI replay, String adminToken) throws Exception {
        HttpResponse<String> requested = http.send(
                HttpRequest.newBuilder(replay)
                        .header("Authorization", "Bearer " + adminToken)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (requested.statusCode() != 202) {
            throw new IllegalStateException("Replay refused: " + requested.statusCode() + " " + requested.body());
        }
        say("P3 replay requested; waiting until oversight has caught up");
        long deadline =
                System.nanoTime() + Duration.ofMinutes(options.full ? 120 : 10).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            if (!oversight.isAlive()) {
                throw new IllegalStateException("oversight exited during the replay (exit code "
                        + oversight.process().exitValue() + "); see " + oversight.log());
            }
            HttpResponse<String> progress = http.send(
                    HttpRequest.newBuilder(replay)
                            .header("Authorization", "Bearer " + adminToken)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = progress.body();
            if (progress.statusCode() == 200
                    && body.contains("\"done\":true")
                    && body.contains("\"state\":\"RESET\"")) {
                double doneAt = System.currentTimeMillis() / 1000.0;
                try (Connection connection = database.connect();
                        Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery(
                                "SELECT extract(epoch FROM reset_at), reset_head FROM oversight.replay_control")) {
                    rows.next();
                    double seconds = doneAt - rows.getDouble(1);
                    long events = rows.getLong(2);
                    say(String.format(
                            "  replayed %d events in %.1f s: %.0f events/s", events, seconds, events / seconds));
                    return events / seconds;
                }
            }
        }
        throw new IllegalStateException("The oversight replay did not finish in time");
    }

    // ---- P4

    private Map<String, Object> growth(Platform platform, URI issuer, Filings.Result empty, double rawEmpty)
            throws Exception {
        Map<String, Object> p4 = new LinkedHashMap<>();
        byte[][] template = templateEvent();
        stopIfRunning(platform, "oversight");
        long before = count();
        long start = System.nanoTime();
        int perAppeal = growAppeals(options.growthEvents);
        double seconds = (System.nanoTime() - start) / 1e9;
        long head = head();
        p4.put("events_per_synthetic_appeal", perAppeal);
        p4.put("grow_events_per_s", round((count() - before) / seconds, 0));
        // the writers start at the head: P4 asks whether filing slows down on a big store, not how fast a new
        // processor reads 10 million events (that is P3)
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (String schema : List.of("appeals", "assignment", "oversight")) {
                statement.executeUpdate("UPDATE " + schema + ".token_entry SET token = convert_to('{\"index\":" + head
                        + "}', 'UTF8'), token_type = 'org.axonframework.eventhandling.GlobalSequenceTrackingToken'"
                        + " WHERE token IS NOT NULL");
            }
            long vacuum = System.nanoTime();
            statement.execute("VACUUM ANALYZE event_store.domain_event_entry");
            p4.put("vacuum_s", round((System.nanoTime() - vacuum) / 1e9, 1));
            try (ResultSet rows =
                    statement.executeQuery("SELECT pg_table_size('event_store.domain_event_entry') / 1048576,"
                            + " pg_indexes_size('event_store.domain_event_entry') / 1048576")) {
                rows.next();
                p4.put("table_mib", rows.getLong(1));
                p4.put("indexes_mib", rows.getLong(2));
                say("  event table " + rows.getLong(1) + " MiB, its indexes " + rows.getLong(2) + " MiB");
            }
        }
        int identityPort = platform.service("identity").port();
        Platform.Builder builder = Platform.builder(root)
                .database(database)
                .services(ServiceCatalog.named("appeals", "assignment", "oversight"))
                .freePorts()
                .port("identity", identityPort)
                .timeout(Duration.ofSeconds(options.startTimeoutSeconds))
                .runDirectory(root.resolve(".run/bench-growth"))
                .progress(message -> say("platform (P4): " + message))
                .arguments("appeals", NO_FILING_LIMIT);
        if (options.classDataSharing) {
            builder.classDataSharing(root.resolve(".run/cds"));
        }
        try (Platform writers = builder.start()) {
            URI appealsUrl =
                    URI.create("http://127.0.0.1:" + writers.service("appeals").port() + "/api/appeals");
            Filings filings = new Filings(appealsUrl, enterpriseTokens(issuer));
            Duration phase = Duration.ofSeconds(options.durationSeconds);
            say("P4 warm-up on " + head + " events");
            filings.closed(options.clients, phase);
            // the machine's capacity now, to tell a slower store from a busier machine
            say("P4 raw baseline again: single-row inserts from " + options.clients + " connections");
            double rawNow = Raw.inserts(database, options.clients, phase, template[0], template[1]);
            say(String.format("  raw inserts %.0f/s (%.0f/s in P1)", rawNow, rawEmpty));
            filings.tokens(enterpriseTokens(issuer));
            say("P4 closed model on " + head() + " events");
            Filings.Result grown = filings.closed(options.clients, phase);
            say(describe(grown));
            p4.put("raw_inserts_per_s_empty", round(rawEmpty, 1));
            p4.put("raw_inserts_per_s_grown", round(rawNow, 1));
            p4.put("ratio_empty", round(empty.perSecond() / rawEmpty, 4));
            p4.put("ratio_grown", round(grown.perSecond() / rawNow, 4));
            p4.put("change_against_raw", round((grown.perSecond() / rawNow) / (empty.perSecond() / rawEmpty) - 1, 3));
            long stored = filedOnceSince(head, filings.snapshot());
            say("  " + filings.acknowledgements.get() + " acknowledged on the grown store, " + stored
                    + " stored exactly once");
            p4.put("acknowledged", filings.acknowledgements.get());
            p4.put("stored_exactly_once", stored);
            p4.put("events", head);
            p4.put("filings_per_s_empty", round(empty.perSecond(), 1));
            p4.put("filings_per_s_grown", round(grown.perSecond(), 1));
            p4.put("change", round(grown.perSecond() / empty.perSecond() - 1, 3));
            p4.put("closed", result(grown));
        }
        return p4;
    }

    /**
     * Grows the store to {@code target} events with copies of one real appeal's whole history (its filing and what
     * the other services appended in reaction, e.g. the assignment's opening and dispatch): every copy gets fresh
     * aggregate identifiers, replaced in the payloads too, fresh event identifiers, and the sequence numbers, types,
     * revisions and metadata of the original rows, so the grown store holds millions of readable events of millions of
     * aggregates as the services' serializer wrote them. One statement per 100,000 appeals, server-side.
     *
     * @return events per synthetic appeal
     */
    private int growAppeals(long target) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_template");
            // the first filed appeal whose routing is done (the correctness check waited for it), all its aggregates
            statement.execute(
                    """
                    CREATE TEMPORARY TABLE bench_template AS
                    WITH appeal AS (
                      SELECT convert_from(payload, 'UTF8')::jsonb ->> 'appealId' AS id
                      FROM event_store.domain_event_entry WHERE payload_type = '%s' ORDER BY global_index LIMIT 1),
                    aggregates AS (
                      SELECT DISTINCT e.aggregate_identifier FROM event_store.domain_event_entry e, appeal
                      WHERE e.aggregate_identifier = appeal.id
                         OR convert_from(e.payload, 'UTF8')::jsonb ->> 'appealId' = appeal.id)
                    SELECT row_number() OVER (ORDER BY e.global_index) AS ord,
                      dense_rank() OVER (ORDER BY a.aggregate_identifier) - 1 AS aggregate,
                      e.aggregate_identifier, e.sequence_number, e.type, e.meta_data,
                      convert_from(e.payload, 'UTF8') AS payload, e.payload_revision, e.payload_type
                    FROM event_store.domain_event_entry e JOIN aggregates a USING (aggregate_identifier)"""
                            .formatted(FILED));
            List<String> aggregates = new ArrayList<>();
            int perAppeal;
            try (ResultSet rows = statement.executeQuery("SELECT DISTINCT aggregate, aggregate_identifier,"
                    + " (SELECT count(*) FROM bench_template) FROM bench_template ORDER BY aggregate")) {
                perAppeal = 0;
                while (rows.next()) {
                    aggregates.add(rows.getString(2));
                    perAppeal = rows.getInt(3);
                }
            }
            if (perAppeal == 0) throw new IllegalStateException("No filed appeal to copy");
            StringBuilder ids = new StringBuilder();
            StringBuilder payload = new StringBuilder("t.payload");
            StringBuilder aggregate = new StringBuilder("CASE t.aggregate");
            for (int i = 0; i < aggregates.size(); i++) {
                ids.append(", gen_random_uuid()::text AS id").append(i);
                payload.insert(0, "replace(").append(", '%s', n.id%d)".formatted(aggregates.get(i), i));
                aggregate.append(" WHEN ").append(i).append(" THEN n.id").append(i);
            }
            aggregate.append(" END");
            String sql =
                    """
                    INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,
                      event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                    SELECT %s, t.sequence_number, t.type, gen_random_uuid()::text, t.meta_data,
                      convert_to(%s, 'UTF8'), t.payload_revision, t.payload_type,
                      to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                    FROM (SELECT g%s FROM generate_series(1, ?) g) n CROSS JOIN bench_template t
                    ORDER BY n.g, t.ord"""
                            .formatted(aggregate, payload, ids);
            long missing = target - count();
            if (missing <= 0) return perAppeal;
            say("growing the store by " + missing + " events: copies of one appeal's " + perAppeal + " events of "
                    + aggregates.size() + " aggregates with fresh identifiers");
            long start = System.nanoTime();
            long done = 0;
            long reported = 0;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                while (done < missing) {
                    long appeals = Math.max(1, Math.min(100_000, (missing - done) / perAppeal));
                    insert.setLong(1, appeals);
                    done += insert.executeUpdate();
                    if (done - reported >= 1_000_000 || done >= missing) {
                        reported = done;
                        say(String.format("  %d inserted (%.0f/s)", done, done / ((System.nanoTime() - start) / 1e9)));
                    }
                }
            }
            statement.execute("DROP TABLE bench_template");
            return perAppeal;
        }
    }

    /** How many of these appeals have exactly one AppealFiledEvent after {@code after}. */
    private long filedOnceSince(long after, List<UUID> appeals) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        """
                        SELECT count(*) FROM (
                          SELECT convert_from(payload, 'UTF8')::jsonb ->> 'appealId' AS appeal
                          FROM event_store.domain_event_entry WHERE global_index > ? AND payload_type = ?
                          GROUP BY 1 HAVING count(*) = 1) s
                        WHERE appeal = ANY(?)""")) {
            query.setLong(1, after);
            query.setString(2, FILED);
            query.setArray(
                    3,
                    connection.createArrayOf(
                            "text", appeals.stream().map(UUID::toString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    // ---- helpers

    private boolean isRunning(Platform platform, String name) {
        return platform.services().stream().anyMatch(s -> s.name().equals(name) && s.isAlive());
    }

    private void stopIfRunning(Platform platform, String name) throws InterruptedException {
        for (RunningService service : platform.services()) {
            if (service.name().equals(name) && service.isAlive()) {
                service.process().destroy();
                // a service recording its class data archive writes it as it exits: give it the launcher's time
                if (!service.process().waitFor(options.classDataSharing ? 90 : 20, TimeUnit.SECONDS)) {
                    service.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                say("stopped " + name);
            }
        }
    }

    /**
     * Registers the benchmark's enterprises in appeals as the admin (a second run on a kept database finds them
     * registered: 409) and waits until appeals' read model has them, which filing checks. Assignment needs no wait: its
     * routing handles an enterprise's registration before that enterprise's filings (same sequence).
     */
    private void registerEnterprises(URI issuer, URI appealsUrl) throws Exception {
        say("registering " + enterprises.size() + " enterprises ("
                + enterprises.get(0).clientId() + " …)");
        String adminToken = token(issuer, "admin-client");
        URI registration = URI.create(appealsUrl + "/enterprises");
        for (BenchEnterprise enterprise : enterprises) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(registration)
                            .header("Authorization", "Bearer " + adminToken)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(enterprise.registration()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new IllegalStateException("Could not register " + enterprise.uscc() + ": " + response.statusCode()
                        + " " + response.body());
            }
        }
        String[] codes = enterprises.stream().map(BenchEnterprise::uscc).toArray(String[]::new);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long registered = 0;
        while (System.nanoTime() < deadline) {
            try (Connection connection = database.connect();
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT count(*) FROM appeals.enterprise_view WHERE enterprise_id = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("text", codes));
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    registered = rows.getLong(1);
                    if (registered == codes.length) return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "Only " + registered + " of the " + codes.length + " enterprises were registered within 60 s");
    }

    /** A fresh token for each enterprise, in their order. */
    private List<String> enterpriseTokens(URI issuer) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (BenchEnterprise enterprise : enterprises) {
            tokens.add(token(issuer, enterprise.clientId()));
        }
        return tokens;
    }

    private void analyze() throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    /** A real AppealFiledEvent's payload and metadata from the store (after the warm-up filed some). */
    private byte[][] templateEvent() throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT payload, meta_data FROM event_store.domain_event_entry WHERE payload_type = ?"
                                + " ORDER BY global_index LIMIT 1")) {
            query.setString(1, FILED);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) throw new IllegalStateException("No AppealFiledEvent in the store");
                return new byte[][] {rows.getBytes(1), rows.getBytes(2)};
            }
        }
    }

    /** Transactions committed and rows inserted or updated in this database so far (statistics lag up to 0.5 s). */
    private long[] commits() throws Exception {
        Thread.sleep(600);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT xact_commit, tup_inserted + tup_updated"
                        + " FROM pg_stat_database WHERE datname = current_database()")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    private long head() throws SQLException {
        return single("SELECT coalesce(max(global_index), -1) FROM event_store.domain_event_entry");
    }

    private long count() throws SQLException {
        return single("SELECT count(*) FROM event_store.domain_event_entry");
    }

    private long single(String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String token(URI issuer, String client) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((client + ":" + BenchEnterprise.SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + issuer.getPort() + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException(
                    "No token for " + client + ": " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private Process jfr(String service, long pid, Duration duration) throws IOException {
        Path file = root.resolve(".run/bench/" + service + ".jfr");
        say("profiling " + service + " (pid " + pid + ") with JFR into " + file);
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(pid),
                        "JFR.start",
                        "settings=profile",
                        "duration=" + duration.toSeconds() + "s",
                        "filename=" + file)
                .inheritIO()
                .start();
    }

    private void dropDatabase(String name) {
        try (Connection connection = new Database(options.serverUrl, "postgres", "").connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            say("dropped database " + name);
        } catch (SQLException e) {
            say("could not drop database " + name + ": " + e.getMessage());
        }
    }

    private Map<String, Object> machine() throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                machine.put("memory_mib", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
            }
        }
        machine.put(
                "load_average_at_start",
                Files.readString(Path.of("/proc/loadavg")).trim());
        return machine;
    }

    private Map<String, Object> versions() throws Exception {
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version()")) {
            rows.next();
            versions.put("postgresql", rows.getString(1));
        }
        versions.put("git_commit", git("rev-parse", "HEAD"));
        versions.put(
                "git_dirty",
                !git("status", "--porcelain", "--untracked-files=no").isEmpty());
        return versions;
    }

    private Map<String, Object> settings() throws SQLException {
        Map<String, Object> settings = new LinkedHashMap<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN"
                        + " ('shared_buffers', 'synchronous_commit', 'wal_buffers', 'max_connections', 'commit_delay',"
                        + " 'fsync', 'work_mem', 'max_wal_size')")) {
            while (rows.next()) settings.put("pg." + rows.getString(1), rows.getString(2));
        }
        settings.put("service_java_options", String.join(" ", javaOptions()));
        settings.put("hikari_maximum_pool_size", 8);
        settings.put("processor_batch_size", options.batchSize == null ? 100 : options.batchSize);
        return settings;
    }

    private String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
            command.addAll(List.of(args));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return out;
        } catch (Exception e) {
            return "unknown";
        }
    }

    // ---- the report

    @SuppressWarnings("unchecked")
    private void report() throws IOException {
        Map<String, Object> p1 = (Map<String, Object>) json.getOrDefault("p1", Map.of());
        Map<String, Object> p2 = (Map<String, Object>) json.getOrDefault("p2", Map.of());
        Map<String, Object> p3 = (Map<String, Object>) json.getOrDefault("p3", Map.of());
        Map<String, Object> p4 = (Map<String, Object>) json.get("p4");
        Map<String, Object> p5 = (Map<String, Object>) json.getOrDefault("p5", Map.of());
        row("load", options.clients + " clients, " + json.get("enterprises") + " enterprises in turn", "-", "-", "-");
        row(
                "P1 filing",
                p1.get("filings_per_s") + "/s vs raw " + p1.get("raw_inserts_per_s") + "/s",
                "ratio >= 0.50",
                p1.get("ratio"),
                ge(p1.get("ratio"), 0.5));
        row(
                "P1 latency (open model)",
                p1.get("p50_ms") + " / " + p1.get("p95_ms") + " / " + p1.get("p99_ms") + " ms",
                "p50/p95/p99 reported",
                "-",
                "-");
        row(
                "P2 propagation",
                "p99 " + p2.get("p99_ms") + " ms (p50 " + p2.get("p50_ms") + ")",
                "p99 <= 100 ms",
                "-",
                le(p2.get("p99_ms"), 100));
        row(
                "P3 replay",
                p3.get("events_per_s") + " ev/s vs raw " + p3.get("raw_reads_per_s") + " rows/s",
                "ratio >= 0.20",
                p3.get("ratio"),
                ge(p3.get("ratio"), 0.2));
        if (p4 != null) {
            row(
                    "P4 growth",
                    p4.get("filings_per_s_grown") + "/s at " + p4.get("events") + " events vs "
                            + p4.get("filings_per_s_empty") + "/s empty (" + p4.get("change_against_raw")
                            + " against raw)",
                    "within 10 %",
                    p4.get("change"),
                    p4.get("change") == null
                            ? "-"
                            : Math.abs(((Number) p4.get("change")).doubleValue()) <= 0.10 ? "pass" : "MISS");
        } else {
            row("P4 growth", "not run (--full)", "within 10 %", "-", "-");
        }
        row("P5 start", p5.get("start_s") + " s", "<= 30 s", "-", le(p5.get("start_s"), 30));
        row("P5 memory", p5.get("rss_mib") + " MiB resident", "<= 2048 MiB", "-", le(p5.get("rss_mib"), 2048));
        Map<String, Object> correctness = (Map<String, Object>) json.getOrDefault("correctness", Map.of());
        row(
                "correctness",
                correctness.get("acknowledged") + " acknowledged, " + correctness.get("stored_exactly_once")
                        + " stored once",
                "all, caught up",
                "-",
                Boolean.TRUE.equals(correctness.get("ok")) ? "pass" : "FAIL");

        StringBuilder out = new StringBuilder();
        out.append(String.format("%n%-24s %-48s %-20s %-7s %s%n", "figure", "measured", "target", "ratio", "result"));
        for (String[] r : table) {
            out.append(String.format("%-24s %-48s %-20s %-7s %s%n", (Object[]) r));
        }
        System.out.print(out);
        Path file = root.resolve("deploy/bench/results/latest.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.write(json) + "\n");
        say("wrote " + root.relativize(file));
    }

    private void row(String figure, String measured, String target, Object ratio, String verdict) {
        table.add(new String[] {figure, measured, target, String.valueOf(ratio), verdict});
    }

    private static String ge(Object value, double target) {
        return value instanceof Number n ? (n.doubleValue() >= target ? "pass" : "MISS") : "-";
    }

    private static String le(Object value, double target) {
        return value instanceof Number n ? (n.doubleValue() <= target ? "pass" : "MISS") : "-";
    }

    static double round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return value;
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
