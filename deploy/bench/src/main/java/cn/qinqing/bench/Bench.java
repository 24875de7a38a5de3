package cn.qinqing.bench;

import cn.qinqing.launcher.Database;
import cn.qinqing.launcher.Platform;
import cn.qinqing.launcher.RunningService;
import cn.qinqing.launcher.ServiceCatalog;
import cn.qinqing.launcher.ServiceDefinition;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    private final Options options;
    private final List<BenchEnterprise> enterprises;
    private final Path root;
    private final Report report = new Report();
    private final Map<String, Object> json = report.json;
    private Database database;
    private Measuring store;
    private Seeding seeding;
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

    @SuppressWarnings("unchecked")
    private void run() throws Exception {
        long began = System.nanoTime();
        json.put("mode", options.full ? "full" : "quick");
        json.put("enterprises", enterprises.size());
        json.put("started_at", java.time.Instant.now().toString());
        json.put("machine", Report.machine());
        String fresh = null;
        if (options.databaseUrl != null) {
            database = new Database(options.databaseUrl, "postgres", "");
        } else {
            fresh = "qinqing_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
            database = Database.createIfMissing(options.serverUrl, "postgres", "", fresh);
            Log.say("fresh database " + fresh);
        }
        store = new Measuring(database);
        seeding = new Seeding(database, store, enterprises);
        json.put("versions", Report.versions(database, root));
        json.put("settings", Report.settings(database, javaOptions(), options));
        Platform platform = null;
        try {
            platform = startPlatform();
            measure(platform);
        } catch (Exception e) {
            json.put("error", Report.failure(e));
            Log.say("FAILED: " + Report.failure(e));
            e.printStackTrace();
        } finally {
            if (platform != null) {
                platform.stop();
            }
            if (fresh != null && !options.keepDatabase) {
                dropDatabase(options.serverUrl, fresh);
            } else if (fresh != null) {
                Log.say("kept database " + fresh);
            }
        }
        json.put("total_s", Report.round((System.nanoTime() - began) / 1e9, 1));
        try {
            // the machine may be shared: its load at the end belongs beside the figures, as at the start
            ((Map<String, Object>) json.get("machine"))
                    .put(
                            "load_average_at_end",
                            java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                                    .trim());
        } catch (java.io.IOException | ClassCastException e) {
            // not on Linux
        }
        report.write(options, root);
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
                .progress(message -> Log.say("platform: " + message));
        if (options.classDataSharing) {
            builder.classDataSharing(root.resolve(".run/cds"));
        }
        builder.javaOptions(javaOptions());
        // the benchmark files thousands of appeals for each enterprise: the filing limit (100 an hour) would stop it
        builder.arguments("appeals", NO_FILING_LIMIT);
        // the bench starts no mail server: notifications (in P5 only, stopped before the load) is healthy without one,
        // as it would be with one that is down for a while — its health would otherwise wait on SMTP for ever
        builder.arguments("notifications", "--management.health.mail.enabled=false");
        builder.arguments(
                "identity", BenchEnterprise.identityArguments(enterprises).toArray(String[]::new));
        // each processing setting defaults on its own (PlatformProperties.Processing): only what is given is passed
        List<String> processing = new ArrayList<>();
        if (options.batchSize != null) {
            processing.add("--qinqing.service.processing.batch-size=" + options.batchSize);
        }
        if (options.coalesceMillis != null) {
            processing.add("--qinqing.service.processing.coalesce=" + options.coalesceMillis + "ms");
        }
        if (options.segments != null) {
            processing.add("--qinqing.service.processing.segments=" + options.segments);
        }
        if (!processing.isEmpty()) {
            for (ServiceDefinition service : services) {
                builder.arguments(service.name(), processing.toArray(String[]::new));
            }
        }
        Log.say("starting " + services.stream().map(ServiceDefinition::name).toList() + " (P5)");
        Map<String, Object> healthy = new LinkedHashMap<>();
        builder.progress(message -> {
            Log.say("platform: " + message);
            Matcher after = Pattern.compile("(\\S+) healthy after ([0-9.]+) s").matcher(message);
            if (after.matches()) healthy.put(after.group(1), Double.parseDouble(after.group(2)));
        });
        Platform platform = builder.start();
        double seconds = platform.startupTime().toMillis() / 1000.0;
        Map<String, Object> p5 = new LinkedHashMap<>();
        p5.put("services", services.stream().map(ServiceDefinition::name).toList());
        p5.put("start_s", Report.round(seconds, 1));
        p5.put("rss_idle_mib", Measuring.rssMib(platform));
        p5.put("class_data_sharing", platform.classDataSharing());
        p5.put("healthy_after_s", healthy);
        if (platform.classDataSharing().containsValue("recording its class data archive")) {
            Log.say("  (the first start after a build records the class data archives: run again for the usual start)");
        }
        if (options.services == null) {
            // the load keeps measuring the same services as before P5 covered all seven; the others' memory counts
            for (RunningService service : platform.services()) {
                if (!Options.LOAD_SERVICES.contains(service.name())) {
                    otherServicesRssKib += Measuring.rssKib(service.pid());
                    stopIfRunning(platform, service.name());
                }
            }
            p5.put("rss_stopped_after_start_mib", otherServicesRssKib / 1024);
        }
        json.put("p5", p5);
        return platform;
    }

    /**
     * The launcher's options for the service processes: its defaults, or {@code QINQING_JAVA_OPTS} in their place as
     * in {@code ./deploy/run.sh} (to compare, for instance, the C2 compiler with the default C1); {@code
     * --service-heap} still sets the heap.
     */
    private List<String> javaOptions() {
        String replaced = System.getenv("QINQING_JAVA_OPTS");
        List<String> chosen = replaced == null || replaced.isBlank()
                ? Platform.DEFAULT_JAVA_OPTIONS
                : List.of(replaced.trim().split("\\s+"));
        return chosen.stream()
                .map(option -> option.startsWith("-Xmx") && options.serviceHeap != null
                        ? "-Xmx" + options.serviceHeap
                        : option)
                .toList();
    }

    // ---- the measurements

    @SuppressWarnings("unchecked")
    private void measure(Platform platform) throws Exception {
        Duration phase = Duration.ofSeconds(options.durationSeconds);
        URI issuer = platform.issuer();
        URI appealsUrl =
                URI.create("http://127.0.0.1:" + platform.service("appeals").port() + "/api/appeals");
        seeding.registerEnterprises(issuer, appealsUrl);
        Filings filings = new Filings(appealsUrl, seeding.enterpriseTokens(issuer));

        Log.say("warm-up: " + options.clients + " clients for " + phase.toSeconds() + " s (not counted)");
        Filings.Result warm = filings.closed(options.clients, phase);
        if (warm.ok() == 0) {
            throw new IllegalStateException("No filing succeeded during the warm-up: " + warm.firstFailure());
        }
        byte[][] template = seeding.templateEvent();
        // a fresh database has no planner statistics until autovacuum gets to it, which on a busy server can take
        // longer than the whole run: measure with the statistics a database in service has
        seeding.analyze();

        Log.say("P1 raw baseline: single-row inserts from " + options.clients + " connections for " + phase.toSeconds()
                + " s");
        double rawInserts = Raw.inserts(database, options.clients, phase, template[0], template[1]);
        Log.say(String.format("  raw inserts %.0f/s", rawInserts));

        filings.tokens(seeding.enterpriseTokens(issuer));
        // appeals answers the filings, assignment routes them (P2), oversight keeps every event
        List<Process> profilers = new ArrayList<>();
        if (options.profile) {
            for (String service : List.of("appeals", "assignment", "oversight")) {
                if (!Measuring.isRunning(platform, service)) {
                    continue;
                }
                profilers.add(
                        Measuring.jfr(root, service, platform.service(service).pid(), phase));
            }
        }
        // one filing at a time on the idle platform: read-your-writes and a single hop's latency (issue 15)
        store.awaitCaughtUp(List.of("appeals", "assignment"), Duration.ofSeconds(60));
        int singles = options.full ? 200 : 50;
        Log.say("single filings: " + singles + " one at a time, each read back at once, each routed before the next");
        long beforeSingles = store.head();
        Filings.Single single = filings.oneAtATime(singles, id -> store.routed(id, beforeSingles));
        Histogram hop = store.propagation(beforeSingles, single.ids());
        Log.say(String.format(
                "  %d of %d read back with 404, %d older than their ETag; one hop p50 %.1f ms, p99 %.1f ms",
                single.notFound(),
                single.filed(),
                single.stale(),
                hop.getValueAtPercentile(50) / 1000.0,
                hop.getValueAtPercentile(99) / 1000.0));

        Log.say("P1 closed model: " + options.clients + " clients for " + phase.toSeconds() + " s");
        long[] before = store.commits();
        Map<String, Long> writesBefore = store.writesPerTable();
        Map<String, Long> cpuBefore = Measuring.cpuMillisByService(platform);
        long postgresBefore = Measuring.postgresCpuMillis();
        Filings.Result closed = filings.closed(options.clients, phase);
        // what the filings set off in the other services is part of their cost; a stopped service's processors never
        // catch up, and waiting the whole minute for them put a minute of idle work into the figures per filing
        store.awaitCaughtUp(
                Stream.of("appeals", "assignment", "resolution", "meetings", "oversight")
                        .filter(service -> Measuring.isRunning(platform, service))
                        .toList(),
                Duration.ofSeconds(60));
        Map<String, Long> cpuAfter = Measuring.cpuMillisByService(platform);
        long postgresAfter = Measuring.postgresCpuMillis();
        long[] after = store.commits();
        Map<String, Long> writesAfter = store.writesPerTable();
        Log.say(Report.describe(closed));
        double filed = Math.max(1, closed.ok());
        Map<String, Object> writesPerFiling = Report.perFiling(writesBefore, writesAfter, filed);
        double commitsPerFiling = (after[0] - before[0]) / filed;
        double rowsPerFiling = (after[1] - before[1]) / filed;
        double fetchedPerFiling = (after[2] - before[2]) / filed;
        Map<String, Object> cpuPerFilingByService = new LinkedHashMap<>();
        double cpuPerFiling = 0;
        for (Map.Entry<String, Long> service : cpuAfter.entrySet()) {
            Long started = cpuBefore.get(service.getKey());
            if (started != null) {
                double perFiling = (service.getValue() - started) / filed;
                cpuPerFilingByService.put(service.getKey(), Report.round(perFiling, 2));
                cpuPerFiling += perFiling;
            }
        }
        double postgresPerFiling =
                postgresBefore < 0 || postgresAfter < 0 ? -1 : (postgresAfter - postgresBefore) / filed;
        Log.say(String.format(
                "  per filing: %.1f commits (pg_stat_database.xact_commit), %.1f rows written, %.1f rows fetched,"
                        + " %.1f ms CPU of the services (/proc)",
                commitsPerFiling, rowsPerFiling, fetchedPerFiling, cpuPerFiling));
        Log.say("  rows written per filing, by table: " + writesPerFiling);
        Log.say(String.format(
                "  CPU ms per filing, by service: %s; PostgreSQL's processes: %.1f ms",
                cpuPerFilingByService, postgresPerFiling));
        for (Process profiler : profilers) {
            profiler.waitFor(10, TimeUnit.SECONDS);
        }
        double openRate = options.openRate != null ? options.openRate : Math.max(1, 0.8 * closed.perSecond());
        Log.say(String.format("P1 open model: %.0f filings/s for %d s", openRate, phase.toSeconds()));
        Filings.Result open = filings.open(openRate, phase);
        Log.say(Report.describe(open));

        Map<String, Object> p1 = new LinkedHashMap<>();
        p1.put("clients", options.clients);
        p1.put("filings_per_s", Report.round(closed.perSecond(), 1));
        p1.put("raw_inserts_per_s", Report.round(rawInserts, 1));
        p1.put("ratio", Report.round(closed.perSecond() / rawInserts, 3));
        p1.put("closed", Report.result(closed));
        p1.put("commits_per_filing", Report.round(commitsPerFiling, 1));
        p1.put("rows_written_per_filing", Report.round(rowsPerFiling, 1));
        p1.put("rows_per_filing", Report.round(rowsPerFiling, 1));
        p1.put("rows_fetched_per_filing", Report.round(fetchedPerFiling, 1));
        p1.put("cpu_ms_per_filing", Report.round(cpuPerFiling, 1));
        p1.put("cpu_ms_per_filing_by_service", cpuPerFilingByService);
        p1.put("postgres_cpu_ms_per_filing", Report.round(postgresPerFiling, 1));
        p1.put("writes_per_filing_by_table", writesPerFiling);
        p1.put("read_after_write_404", single.notFound());
        p1.put("read_after_write_stale", single.stale());
        p1.put("read_after_write_checked", single.filed());
        p1.put("open_rate_per_s", Report.round(openRate, 1));
        p1.put("open", Report.result(open));
        p1.put("p50_ms", Report.round(open.ms(50), 1));
        p1.put("p95_ms", Report.round(open.ms(95), 1));
        p1.put("p99_ms", Report.round(open.ms(99), 1));
        p1.put("rss_after_load_mib", Measuring.rssMib(platform));
        json.put("p1", p1);
        ((Map<String, Object>) json.get("p5"))
                .put(
                        "rss_mib",
                        Math.max(
                                (Long) ((Map<String, Object>) json.get("p5")).get("rss_idle_mib"),
                                (Long) p1.get("rss_after_load_mib") + otherServicesRssKib / 1024));

        long beforeP2 = store.head();
        Map<String, Object> p2 = new LinkedHashMap<>();
        p2.put("single_filings", hop.getTotalCount());
        p2.put("single_p50_ms", Report.round(hop.getValueAtPercentile(50) / 1000.0, 1));
        p2.put("single_p99_ms", Report.round(hop.getValueAtPercentile(99) / 1000.0, 1));
        if (options.services == null
                || options.services.contains("assignment")
                || options.services.equals(List.of("all"))) {
            double p2Rate = Math.max(1, closed.perSecond() / 2);
            Log.say(String.format(
                    "P2 propagation: open model at %.0f filings/s (half of P1) for %d s", p2Rate, phase.toSeconds()));
            Filings p2Filings = new Filings(appealsUrl, seeding.enterpriseTokens(issuer));
            Filings.Result p2Load = p2Filings.open(p2Rate, phase);
            Log.say(Report.describe(p2Load));
            filings.acknowledged.addAll(p2Filings.acknowledged);
            filings.acknowledgements.addAndGet(p2Filings.acknowledgements.get());
            store.awaitCaughtUp(List.of("assignment"), Duration.ofSeconds(60));
            Histogram propagation = store.propagation(beforeP2, p2Filings.snapshot());
            p2.put("rate_per_s", Report.round(p2Rate, 1));
            p2.put("enterprises", enterprises.size());
            p2.put("filings", p2Load.ok());
            p2.put("measured", propagation.getTotalCount());
            p2.put(
                    "effect",
                    "assignment opened the appeal's assignment (first assignment event's time_stamp)"
                            + " minus the AppealFiledEvent's time_stamp");
            p2.put("p50_ms", Report.round(propagation.getValueAtPercentile(50) / 1000.0, 1));
            p2.put("p95_ms", Report.round(propagation.getValueAtPercentile(95) / 1000.0, 1));
            p2.put("p99_ms", Report.round(propagation.getValueAtPercentile(99) / 1000.0, 1));
            p2.put("max_ms", Report.round(propagation.getMaxValue() / 1000.0, 1));
        }
        json.put("p2", p2);

        json.put("correctness", store.correctness(filings, platform));

        // P3 on a bigger store: the writers stop so that nobody reacts to the synthetic filings
        for (String writer : List.of("appeals", "assignment", "resolution", "meetings", "portal")) {
            stopIfRunning(platform, writer);
        }
        Map<String, Object> p3 = new LinkedHashMap<>();
        json.put("p3", p3);
        if (Measuring.isRunning(platform, "oversight"))
            try {
                seeding.grow(options.events, template);
                Log.say("P3 raw baseline: COPY of the event table in global order");
                double rawReads = Raw.orderedRead(database);
                Log.say(String.format("  raw ordered read %.0f rows/s", rawReads));
                p3.put("raw_reads_per_s", Report.round(rawReads, 1));
                String adminToken = seeding.token(issuer, "admin-client");
                URI replay = URI.create(
                        "http://127.0.0.1:" + platform.service("oversight").port() + "/api/oversight/admin/replay");
                // the replay alone, from the request until done: what a slow replay spends its time on
                Measuring.Recording replayProfile = options.profile
                        ? Measuring.jfrStart(
                                root,
                                "oversight",
                                "replay",
                                platform.service("oversight").pid())
                        : null;
                double replayRate = store.replay(
                        platform.service("oversight"), replay, adminToken, Duration.ofMinutes(options.full ? 120 : 10));
                if (replayProfile != null) {
                    replayProfile.stop();
                }
                p3.put("events", store.head());
                p3.put("events_per_s", Report.round(replayRate, 1));
                p3.put("raw_reads_per_s", Report.round(rawReads, 1));
                p3.put("ratio", Report.round(replayRate / rawReads, 3));
                json.put(
                        "supervisor_reads",
                        store.supervisorReads(
                                platform.service("oversight"),
                                seeding.token(issuer, "supervisor-client"),
                                options.supervisorReads,
                                options.timelineReads == null ? options.supervisorReads : options.timelineReads));
            } catch (Exception e) {
                p3.put("error", Report.failure(e));
                Log.say("P3 failed: " + Report.failure(e));
            }

        if (options.full) {
            Map<String, Object> p4 = new LinkedHashMap<>();
            json.put("p4", p4);
            try {
                p4.putAll(growth(platform, issuer, closed, rawInserts));
            } catch (Exception e) {
                p4.put("error", Report.failure(e));
                Log.say("P4 failed: " + Report.failure(e));
            }
        }
    }

    // ---- P4

    private Map<String, Object> growth(Platform platform, URI issuer, Filings.Result empty, double rawEmpty)
            throws Exception {
        Map<String, Object> p4 = new LinkedHashMap<>();
        byte[][] template = seeding.templateEvent();
        stopIfRunning(platform, "oversight");
        long before = store.count();
        long start = System.nanoTime();
        int perAppeal = seeding.growAppeals(options.growthEvents);
        double seconds = (System.nanoTime() - start) / 1e9;
        long head = store.head();
        p4.put("events_per_synthetic_appeal", perAppeal);
        p4.put("grow_events_per_s", Report.round((store.count() - before) / seconds, 0));
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
            p4.put("vacuum_s", Report.round((System.nanoTime() - vacuum) / 1e9, 1));
            try (ResultSet rows =
                    statement.executeQuery("SELECT pg_table_size('event_store.domain_event_entry') / 1048576,"
                            + " pg_indexes_size('event_store.domain_event_entry') / 1048576")) {
                rows.next();
                p4.put("table_mib", rows.getLong(1));
                p4.put("indexes_mib", rows.getLong(2));
                Log.say("  event table " + rows.getLong(1) + " MiB, its indexes " + rows.getLong(2) + " MiB");
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
                .progress(message -> Log.say("platform (P4): " + message))
                .arguments("appeals", NO_FILING_LIMIT);
        if (options.classDataSharing) {
            builder.classDataSharing(root.resolve(".run/cds"));
        }
        try (Platform writers = builder.start()) {
            URI appealsUrl =
                    URI.create("http://127.0.0.1:" + writers.service("appeals").port() + "/api/appeals");
            Filings filings = new Filings(appealsUrl, seeding.enterpriseTokens(issuer));
            Duration phase = Duration.ofSeconds(options.durationSeconds);
            Log.say("P4 warm-up on " + head + " events");
            filings.closed(options.clients, phase);
            // the machine's capacity now, to tell a slower store from a busier machine
            Log.say("P4 raw baseline again: single-row inserts from " + options.clients + " connections");
            double rawNow = Raw.inserts(database, options.clients, phase, template[0], template[1]);
            Log.say(String.format("  raw inserts %.0f/s (%.0f/s in P1)", rawNow, rawEmpty));
            filings.tokens(seeding.enterpriseTokens(issuer));
            Log.say("P4 closed model on " + store.head() + " events");
            Filings.Result grown = filings.closed(options.clients, phase);
            Log.say(Report.describe(grown));
            p4.put("raw_inserts_per_s_empty", Report.round(rawEmpty, 1));
            p4.put("raw_inserts_per_s_grown", Report.round(rawNow, 1));
            p4.put("ratio_empty", Report.round(empty.perSecond() / rawEmpty, 4));
            p4.put("ratio_grown", Report.round(grown.perSecond() / rawNow, 4));
            p4.put(
                    "change_against_raw",
                    Report.round((grown.perSecond() / rawNow) / (empty.perSecond() / rawEmpty) - 1, 3));
            long stored = store.filedOnceSince(head, filings.snapshot());
            Log.say("  " + filings.acknowledgements.get() + " acknowledged on the grown store, " + stored
                    + " stored exactly once");
            p4.put("acknowledged", filings.acknowledgements.get());
            p4.put("stored_exactly_once", stored);
            p4.put("events", head);
            p4.put("filings_per_s_empty", Report.round(empty.perSecond(), 1));
            p4.put("filings_per_s_grown", Report.round(grown.perSecond(), 1));
            p4.put("change", Report.round(grown.perSecond() / empty.perSecond() - 1, 3));
            p4.put("closed", Report.result(grown));
        }
        return p4;
    }

    // ---- helpers

    private void stopIfRunning(Platform platform, String name) throws InterruptedException {
        for (RunningService service : platform.services()) {
            if (service.name().equals(name) && service.isAlive()) {
                service.process().destroy();
                // a service recording its class data archive writes it as it exits: give it the launcher's time
                if (!service.process().waitFor(options.classDataSharing ? 90 : 20, TimeUnit.SECONDS)) {
                    service.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                Log.say("stopped " + name);
            }
        }
    }

    static void dropDatabase(String serverUrl, String name) {
        try (Connection connection = new Database(serverUrl, "postgres", "").connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            Log.say("dropped database " + name);
        } catch (SQLException e) {
            Log.say("could not drop database " + name + ": " + e.getMessage());
        }
    }
}
