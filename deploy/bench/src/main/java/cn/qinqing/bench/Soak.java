package cn.qinqing.bench;

import static cn.qinqing.bench.Log.say;

import cn.qinqing.launcher.Database;
import cn.qinqing.launcher.EmbeddedDatabase;
import cn.qinqing.launcher.Platform;
import cn.qinqing.launcher.RunningService;
import cn.qinqing.launcher.ServiceCatalog;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * {@code ./deploy/soak.sh}: an hour of mixed load (R11). Starts every service with the API (not the portal) on a fresh
 * database, registers {@code --enterprises} enterprises, then runs {@link SoakLoad} for {@code --minutes}. Every minute
 * it reports, and writes to {@code deploy/bench/results/soak-latest.json}: p50/p99 and errors per operation, each
 * service's resident memory and heap after GC, the processors' lag behind the head of the event store, and the
 * database's size. At the end it compares the first and the last {@code --window} minutes (see
 * {@code docs/reliability.md}, R11, for the verdict and how noise is judged).
 */
public final class Soak {

    static final List<String> SERVICES =
            List.of("identity", "appeals", "assignment", "resolution", "meetings", "oversight");

    private final SoakOptions options;
    private final Path root;
    private final Report report = new Report();
    private final Map<String, Object> json = report.json;
    private final List<Map<String, Object>> minutes = new ArrayList<>();
    /** Per operation: the first window merged, the minutes of the last window, each minute's p99. */
    private final Map<String, Histogram> firstWindow = new TreeMap<>();

    private final Map<String, Deque<Histogram>> lastWindow = new TreeMap<>();
    private final Map<String, List<Double>> p99s = new TreeMap<>();
    private final Map<String, List<Long>> heapFloors = new TreeMap<>();
    private final Map<String, List<Long>> lags = new TreeMap<>();
    private long errors;
    private long maxConnectionsSeen;
    private final List<Double> loads = new ArrayList<>();
    /** The heap after a full collection at the end of the first and of the last window, MiB. */
    private final Map<String, Double> fullGcFirst = new TreeMap<>();

    private final Map<String, Double> fullGcLast = new TreeMap<>();

    private Soak(SoakOptions options, Path root) {
        this.options = options;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Log.as("soak");
        SoakOptions options = SoakOptions.parse(args);
        Path root = Path.of(System.getProperty("qinqing.root", "."))
                .toAbsolutePath()
                .normalize();
        System.exit(new Soak(options, root).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        json.put("minutes_planned", options.minutes);
        json.put("rate_per_s", options.rate);
        json.put("enterprises", options.enterprises);
        json.put("window_minutes", options.window());
        json.put("started_at", Instant.now().toString());
        json.put("machine", Report.machine());
        Path run = root.resolve(".run/soak");
        Files.createDirectories(run);
        String fresh = null;
        Database database;
        EmbeddedDatabase own = null;
        Path ownData = root.resolve(".run/soak-postgres");
        if (options.databaseUrl != null) {
            database = new Database(options.databaseUrl, "postgres", "");
        } else if (options.machineServer) {
            fresh = "qinqing_soak_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
            database = Database.createIfMissing(options.serverUrl, "postgres", "", fresh);
            say("fresh database " + fresh);
        } else {
            // a server of its own: the machine's is shared by every build's tests and refused the soak a connection
            // ("too many clients already") after 24 minutes of the first hour-long run
            deleteRecursively(ownData);
            int port = Platform.freePort();
            own = EmbeddedDatabase.start(
                    root.resolve(".run/postgres-binaries"), ownData, port, run.resolve("postgres.log"), Log::say);
            database = own.database();
            say("PostgreSQL of its own on port " + port + ", data in " + root.relativize(ownData));
        }
        json.put("database", database.displayUrl());
        json.put("versions", Report.versions(database, root));
        Measuring store = new Measuring(database);
        List<BenchEnterprise> enterprises = BenchEnterprise.first(options.enterprises);
        Seeding seeding = new Seeding(database, store, enterprises);
        SoakMemory memory = new SoakMemory(run);
        List<String> javaOptions = new ArrayList<>(Platform.DEFAULT_JAVA_OPTIONS);
        javaOptions.add(memory.javaOption());
        json.put("service_java_options", String.join(" ", javaOptions));
        Platform platform = null;
        SoakLoad load = null;
        try {
            platform = Platform.builder(root)
                    .database(database)
                    .services(ServiceCatalog.named(SERVICES.toArray(String[]::new)))
                    .freePorts()
                    .timeout(Duration.ofSeconds(options.startTimeoutSeconds))
                    .runDirectory(run)
                    .javaOptions(javaOptions)
                    .arguments("appeals", Bench.NO_FILING_LIMIT)
                    .arguments(
                            "identity",
                            BenchEnterprise.identityArguments(enterprises).toArray(String[]::new))
                    .progress(message -> say("platform: " + message))
                    .start();
            Map<String, URI> urls = new LinkedHashMap<>();
            platform.services().forEach(service -> urls.put(service.name(), service.baseUrl()));
            seeding.registerEnterprises(platform.issuer(), urls.get("appeals").resolve("/api/appeals"));
            SoakOperations operations = new SoakOperations();
            load = new SoakLoad(operations, urls, seeding, platform.issuer());
            load.signIn();
            // the collections of the start-up are not the load's: read past them
            platform.services().forEach(service -> memory.floorKib(service.pid()));
            say(String.format(
                    "load: %.2f appeals/s from %d enterprises, the official, the leader and the supervisor, for %d"
                            + " minutes",
                    options.rate, enterprises.size(), options.minutes));
            load.start(options.rate);
            long start = System.nanoTime();
            for (int minute = 1; minute <= options.minutes; minute++) {
                long due = start + Duration.ofMinutes(minute).toNanos();
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                try {
                    minute(minute, platform, store, database, memory, operations, load);
                    if (minute == options.window() || minute == options.minutes) {
                        // the end of the first and of the last window: the heap after a full collection, which the
                        // young collections' floor cannot tell (it includes the old generation's garbage)
                        heapAfterFullGc(minute == options.window() ? fullGcFirst : fullGcLast, platform, memory);
                    }
                } catch (SQLException e) {
                    // the shared server may refuse a connection ("too many clients"): a minute without figures is
                    // reported as such, the load goes on
                    operations.error("measuring", e.getMessage());
                    say("minute " + minute + ": not measured: " + e.getMessage());
                }
                json.put("minutes", minutes);
                json.put("first_errors", operations.firstErrors());
                report.writeTo(root.resolve("deploy/bench/results/soak-latest.json"));
            }
            load.stop();
            load = null;
            json.put("verdict", verdict());
        } catch (Exception e) {
            json.put("error", Report.failure(e));
            say("FAILED: " + Report.failure(e));
            e.printStackTrace();
        } finally {
            if (load != null) load.stop();
            if (platform != null) platform.stop();
            if (fresh != null && !options.keepDatabase) {
                Bench.dropDatabase(options.serverUrl, fresh);
            }
            if (own != null) {
                own.close();
                if (!options.keepDatabase) deleteRecursively(ownData);
            }
        }
        json.put("minutes", minutes);
        json.put("finished_at", Instant.now().toString());
        report.writeTo(root.resolve("deploy/bench/results/soak-latest.json"));
        say("wrote deploy/bench/results/soak-latest.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> verdict = (Map<String, Object>) json.get("verdict");
        return !json.containsKey("error") && verdict != null && Boolean.TRUE.equals(verdict.get("pass"));
    }

    private void minute(
            int minute,
            Platform platform,
            Measuring store,
            Database database,
            SoakMemory memory,
            SoakOperations operations,
            SoakLoad load)
            throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("minute", minute);
        Map<String, Object> byOperation = new TreeMap<>();
        operations.minute().forEach((name, result) -> {
            byOperation.put(name, result.json());
            errors += result.errors();
            p99s.computeIfAbsent(name, n -> new ArrayList<>()).add(result.ms(99));
            if (minute <= options.window()) {
                firstWindow.computeIfAbsent(name, n -> new Histogram(3)).add(result.latency());
            }
            Deque<Histogram> last = lastWindow.computeIfAbsent(name, n -> new ArrayDeque<>());
            last.addLast(result.latency());
            while (last.size() > options.window()) last.removeFirst();
        });
        row.put("operations", byOperation);
        Map<String, Object> services = new TreeMap<>();
        for (RunningService service : platform.services()) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("alive", service.isAlive());
            figures.put("rss_mib", Measuring.rssKib(service.pid()) / 1024);
            OptionalLong floor = memory.floorKib(service.pid());
            figures.put("heap_after_gc_mib", floor.isPresent() ? Report.round(floor.getAsLong() / 1024.0, 1) : null);
            if (floor.isPresent()) {
                heapFloors
                        .computeIfAbsent(service.name(), n -> new ArrayList<>())
                        .add(floor.getAsLong());
            }
            services.put(service.name(), figures);
        }
        row.put("services", services);
        long head = store.head();
        Map<String, Long> lagByService = new TreeMap<>();
        store.positions()
                .forEach((processor, position) -> lagByService.merge(
                        processor.substring(0, processor.indexOf('/')), Math.max(0, head - position), Math::max));
        lagByService.forEach((service, lag) ->
                lags.computeIfAbsent(service, n -> new ArrayList<>()).add(lag));
        row.put("lag_events", lagByService);
        row.put("events", head + 1);
        row.put("database_mib", databaseMib(database));
        long connections = connections(database);
        row.put("connections", connections);
        maxConnectionsSeen = Math.max(maxConnectionsSeen, connections);
        String loadAverage = loadAverage();
        row.put("load_average", loadAverage);
        if (loadAverage != null) loads.add(Double.parseDouble(loadAverage.split(" ")[0]));
        row.put("appeals_filed", load.filed.get());
        row.put("appeals_rated", load.rated.get());
        row.put("appeals_closed", load.closed.get());
        row.put("meetings", load.meetings.get());
        row.put("appeals_in_flight", load.inFlight.get());
        minutes.add(row);

        long errorsThisMinute = byOperation.values().stream()
                .mapToLong(o -> (Long) ((Map<?, ?>) o).get("errors"))
                .sum();
        say(String.format(
                "minute %d: %d filed, %d rated, %d closed, %d in flight, %d meetings; errors %d; events %d, database"
                        + " %d MiB, %d connections; load %s",
                minute,
                load.filed.get(),
                load.rated.get(),
                load.closed.get(),
                load.inFlight.get(),
                load.meetings.get(),
                errorsThisMinute,
                head + 1,
                row.get("database_mib"),
                connections,
                loadAverage));
        byOperation.forEach((name, figures) -> {
            Map<?, ?> f = (Map<?, ?>) figures;
            say(String.format(
                    "  %-32s %5s  p50 %7s ms  p99 %7s ms%s",
                    name,
                    f.get("count"),
                    f.get("p50_ms"),
                    f.get("p99_ms"),
                    ((Long) f.get("errors")) > 0 ? "  ERRORS " + f.get("errors") : ""));
        });
        say("  memory (RSS / heap after GC, MiB): "
                + services.entrySet().stream()
                        .map(e -> e.getKey() + " " + ((Map<?, ?>) e.getValue()).get("rss_mib") + "/"
                                + ((Map<?, ?>) e.getValue()).get("heap_after_gc_mib"))
                        .collect(Collectors.joining(", ")));
        say("  processor lag (events behind the head): " + lagByService);
    }

    /**
     * Asks each service for a full collection ({@code jcmd <pid> GC.run}: with the serial collector a System.gc() is
     * a full one) and reads the heap it left from the GC log.
     */
    private void heapAfterFullGc(Map<String, Double> into, Platform platform, SoakMemory memory)
            throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (RunningService service : platform.services()) {
            memory.floorKib(service.pid()); // what the minute left unread is not the full collection's
            try {
                Process process = new ProcessBuilder(jcmd.toString(), Long.toString(service.pid()), "GC.run")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (java.io.IOException e) {
                say("jcmd GC.run " + service.name() + ": " + e.getMessage());
                continue;
            }
            Thread.sleep(1000); // the log line is written after the pause
            OptionalLong after = memory.floorKib(service.pid());
            if (after.isPresent()) into.put(service.name(), after.getAsLong() / 1024.0);
        }
        say("  heap after a full collection, MiB: "
                + into.entrySet().stream()
                        .map(e -> e.getKey() + " " + Report.round(e.getValue(), 1))
                        .collect(Collectors.joining(", ")));
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        if (!Files.exists(directory)) return;
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The connections open to the soak's database now (every pool, LISTEN and presence connection, the soak's). */
    private static long connections(Database database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static long databaseMib(Database database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT pg_database_size(current_database()) / 1048576")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Pass: no error; for each service the heap after GC, for each operation the p99, for each service the processor
     * lag, no higher in the last window than in the first beyond noise. Noise is the spread of the per-minute values
     * inside the first window (its standard deviation): a change counts when it exceeds three of those and a floor
     * (heap 10 % or 4 MiB, p99 25 % or 20 ms, lag 100 events), since one busy neighbour on a shared machine moves a
     * single minute by more than that.
     */
    private Map<String, Object> verdict() {
        int window = options.window();
        Map<String, Object> verdict = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        verdict.put("errors", errors);
        if (errors > 0) misses.add(errors + " errors");

        Map<String, Object> heap = new TreeMap<>();
        heapFloors.forEach((service, floors) -> {
            Trend trend = Trend.of(floors.stream().map(k -> k / 1024.0).toList(), window, 0.10, 4);
            heap.put(service, trend.json());
            if (trend.rises() && fullGcLast.isEmpty()) misses.add("heap after GC of " + service + " " + trend);
        });
        verdict.put("heap_after_young_gc_mib", heap);

        // the decisive heap figure: after a full collection, once at the end of each window (no spread to judge by
        // within one value: the floor alone, 10 % or 4 MiB)
        Map<String, Object> full = new TreeMap<>();
        fullGcFirst.forEach((service, first) -> {
            Double last = fullGcLast.get(service);
            if (last == null) return;
            Trend trend = new Trend(first, last, 0, 0.10, 4);
            full.put(service, trend.json());
            if (trend.rises()) misses.add("heap after a full GC of " + service + " " + trend);
        });
        verdict.put("heap_after_full_gc_mib", full);
        verdict.put("connections_at_most", maxConnectionsSeen);
        // the machine's own trend beside the platform's: a shared machine's load explains a p99 that moves with it
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("first_window", Report.round(Trend.mean(loads.subList(0, Math.min(window, loads.size()))), 1));
        machine.put(
                "last_window",
                Report.round(Trend.mean(loads.subList(Math.max(0, loads.size() - window), loads.size())), 1));
        verdict.put("load_average_1min", machine);

        Map<String, Object> p99 = new TreeMap<>();
        p99s.forEach((operation, values) -> {
            Histogram first = firstWindow.get(operation);
            Histogram last = new Histogram(3);
            lastWindow.getOrDefault(operation, new ArrayDeque<>()).forEach(last::add);
            if (first == null || first.getTotalCount() == 0 || last.getTotalCount() == 0) return;
            double firstP99 = first.getValueAtPercentile(99) / 1000.0;
            double lastP99 = last.getValueAtPercentile(99) / 1000.0;
            Trend trend = new Trend(
                    firstP99, lastP99, Trend.spread(values.subList(0, Math.min(window, values.size()))), 0.25, 20);
            p99.put(operation, trend.json());
            if (trend.rises()) misses.add("p99 of " + operation + " " + trend);
        });
        verdict.put("p99_ms", p99);

        Map<String, Object> lag = new TreeMap<>();
        lags.forEach((service, values) -> {
            Trend trend = Trend.of(values.stream().map(Long::doubleValue).toList(), window, 0, 100);
            lag.put(service, trend.json());
            if (trend.rises()) misses.add("lag of " + service + " " + trend);
        });
        verdict.put("lag_events", lag);
        verdict.put("misses", misses);
        verdict.put("pass", misses.isEmpty());
        say(
                misses.isEmpty()
                        ? "verdict: PASS — no error; heap after GC, p99 and lag flat between the first and the last "
                                + window + " minutes within noise"
                        : "verdict: MISS — " + misses);
        return verdict;
    }

    /** A figure in the first and the last window, and whether it rose beyond noise. */
    record Trend(double first, double last, double spread, double relativeFloor, double absoluteFloor) {

        static Trend of(List<Double> perMinute, int window, double relativeFloor, double absoluteFloor) {
            int w = Math.min(window, perMinute.size());
            List<Double> head = perMinute.subList(0, w);
            List<Double> tail = perMinute.subList(perMinute.size() - w, perMinute.size());
            return new Trend(mean(head), mean(tail), spread(head), relativeFloor, absoluteFloor);
        }

        static double mean(List<Double> values) {
            return values.stream()
                    .filter(v -> !v.isNaN())
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElse(0);
        }

        static double spread(List<Double> values) {
            double mean = mean(values);
            return Math.sqrt(values.stream()
                    .filter(v -> !v.isNaN())
                    .mapToDouble(v -> (v - mean) * (v - mean))
                    .average()
                    .orElse(0));
        }

        /** The rise beyond which it is more than noise. */
        double noise() {
            return Math.max(3 * spread, Math.max(relativeFloor * first, absoluteFloor));
        }

        boolean rises() {
            return last - first > noise();
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("first_window", Report.round(first, 1));
            json.put("last_window", Report.round(last, 1));
            json.put("noise", Report.round(noise(), 1));
            json.put("rises", rises());
            return json;
        }

        @Override
        public String toString() {
            return String.format("%.1f → %.1f (noise %.1f)", first, last, noise());
        }
    }
}
