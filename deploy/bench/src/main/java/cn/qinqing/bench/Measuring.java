package cn.qinqing.bench;

import static cn.qinqing.bench.Log.say;

import cn.qinqing.launcher.Database;
import cn.qinqing.launcher.Platform;
import cn.qinqing.launcher.RunningService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * What the benchmark reads back from the store and the processes: the head and size of the event store, commits,
 * the processors' positions and whether they caught up, propagation (P2), every acknowledged filing stored exactly
 * once, the oversight replay's rate (P3), resident memory, JFR recordings. The soak reuses the positions and memory.
 */
final class Measuring {

    static final String FILED = "cn.qinqing.language.appeal.AppealFiledEvent";

    private final Database database;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Measuring(Database database) {
        this.database = database;
    }

    /**
     * Transactions committed, rows inserted or updated, and rows fetched in this database so far (statistics lag up to
     * 0.5 s).
     */
    long[] commits() throws Exception {
        Thread.sleep(600);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT xact_commit, tup_inserted + tup_updated, tup_fetched"
                        + " FROM pg_stat_database WHERE datname = current_database()")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)};
        }
    }

    /**
     * Rows inserted, updated or deleted so far per table ({@code schema.table}), to say where a filing's writes and
     * transactions go: a processor stores its token once per batch, so a {@code token_entry}'s updates count its batches.
     */
    Map<String, Long> writesPerTable() throws Exception {
        Map<String, Long> writes = new java.util.TreeMap<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT schemaname || '.' || relname,"
                        + " n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables")) {
            while (rows.next()) {
                writes.put(rows.getString(1), rows.getLong(2));
            }
        }
        return writes;
    }

    /** CPU time each running service's process used so far, in ms (user + system, from /proc; a stopped one: none). */
    static Map<String, Long> cpuMillisByService(Platform platform) {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (RunningService service : platform.services()) {
            long used = processCpuMillis(service.pid());
            if (used >= 0) {
                millis.put(service.name(), used);
            }
        }
        return millis;
    }

    /**
     * CPU time so far of every PostgreSQL process of this machine that is alive now (postmaster, its helpers and the
     * backends): the services' connections are pooled and live through a phase, so the difference over the phase is
     * the server's work for it, give or take the short-lived connections that came and went in between.
     */
    static long postgresCpuMillis() {
        long millis = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if ("postgres"
                            .equals(Files.readString(process.resolve("comm")).trim())) {
                        long used = processCpuMillis(Long.parseLong(name));
                        millis += Math.max(used, 0);
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return millis;
    }

    /** utime + stime of a process in milliseconds, or -1 when it is gone. */
    private static long processCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state is [0], utime [11], stime [12] (man 5 proc, fields 14 and 15)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether assignment reacted to the appeal (an assignment event naming it after global index {@code after}). */
    boolean routed(UUID appeal, long after) {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM event_store.domain_event_entry"
                        + " WHERE global_index > ? AND payload_type LIKE 'cn.qinqing.language.assignment.%'"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ? LIMIT 1")) {
            query.setLong(1, after);
            query.setString(2, appeal.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    long head() throws SQLException {
        return single("SELECT coalesce(max(global_index), -1) FROM event_store.domain_event_entry");
    }

    long count() throws SQLException {
        return single("SELECT count(*) FROM event_store.domain_event_entry");
    }

    long single(String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    Map<String, Long> positions() throws SQLException {
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
    boolean awaitCaughtUp(List<String> schemas, Duration timeout) throws Exception {
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

    Histogram propagation(long after, List<UUID> appeals) throws SQLException {
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

    Map<String, Object> correctness(Filings filings, Platform platform) throws Exception {
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

    /** How many of these appeals have exactly one AppealFiledEvent after {@code after}. */
    long filedOnceSince(long after, List<UUID> appeals) throws SQLException {
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

    /** Requests the oversight replay and polls its progress until done: events per second from reset to done. */
    double replay(RunningService oversight, URI replay, String adminToken, Duration timeout) throws Exception {
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
        long deadline = System.nanoTime() + timeout.toNanos();
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

    /**
     * The supervisor's reads on the store as the replay left it (issue 17): the timelines of appeals picked at random,
     * then the KPIs of the whole city, each read in turn by one client. The first KPI read is reported apart: it is
     * the one that folds every appeal; the ones after it may reuse what it kept.
     */
    Map<String, Object> supervisorReads(RunningService oversight, String token, int reads, int timelineReads)
            throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", head());
        // from the event store, not a read model: the same question before and after oversight's redesign
        figures.put(
                "appeals",
                single("SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type = '" + FILED + "'"));
        String base = "http://127.0.0.1:" + oversight.port() + "/api/oversight";
        // the replay has just written a row per event: vacuumed now, autovacuum does not work through those tables
        // while the reads are timed
        long vacuum = System.nanoTime();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        figures.put("vacuum_s", Report.round((System.nanoTime() - vacuum) / 1e9, 1));
        say("supervisor reads on " + figures.get("events") + " events of " + figures.get("appeals") + " appeals"
                + " (after VACUUM ANALYZE, " + figures.get("vacuum_s") + " s)");
        List<String> appeals = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'appealId'"
                        + " FROM event_store.domain_event_entry WHERE payload_type = '" + FILED + "'"
                        + " ORDER BY random() LIMIT " + timelineReads)) {
            while (rows.next()) appeals.add(rows.getString(1));
        }
        // one pass not counted: the service has just replayed and runs only the C1 compiler; single cold passes of the
        // same jar gave medians of 6.7 and 9.6 ms
        for (String appeal : appeals) {
            timedRead(URI.create(base + "/appeals/" + appeal + "/timeline"), token);
        }
        List<Double> timelines = new ArrayList<>();
        for (String appeal : appeals) {
            timelines.add(timedRead(URI.create(base + "/appeals/" + appeal + "/timeline"), token));
        }
        figures.putAll(percentiles("timeline", timelines));
        // after the timelines: a KPI read leaves work behind (the folds it keeps are written in the background)
        List<Double> kpis = new ArrayList<>();
        for (int i = 0; i <= reads; i++) {
            kpis.add(timedRead(URI.create(base + "/kpis"), token));
        }
        figures.put("kpis_first_ms", Report.round(kpis.remove(0), 1));
        figures.putAll(percentiles("kpis", kpis));
        say(String.format(
                "  KPIs: first %.0f ms, then p50 %s ms, max %s ms; timeline: p50 %s ms, max %s ms",
                figures.get("kpis_first_ms"),
                figures.get("kpis_p50_ms"),
                figures.get("kpis_max_ms"),
                figures.get("timeline_p50_ms"),
                figures.get("timeline_max_ms")));
        return figures;
    }

    private double timedRead(URI uri, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofMinutes(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return millis;
    }

    private static Map<String, Object> percentiles(String name, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        java.util.Collections.sort(sorted);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(name + "_reads", sorted.size());
        if (!sorted.isEmpty()) {
            figures.put(name + "_p50_ms", Report.round(sorted.get((sorted.size() - 1) / 2), 1));
            figures.put(name + "_max_ms", Report.round(sorted.get(sorted.size() - 1), 1));
        }
        return figures;
    }

    static long rssMib(Platform platform) {
        long kib = 0;
        for (RunningService service : platform.services()) {
            kib += rssKib(service.pid());
        }
        return kib / 1024;
    }

    static long rssKib(long pid) {
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

    static boolean isRunning(Platform platform, String name) {
        return platform.services().stream().anyMatch(s -> s.name().equals(name) && s.isAlive());
    }

    /** A JFR recording of one service until {@link Recording#stop()}, into {@code .run/bench/<service>-<name>.jfr}. */
    static Recording jfrStart(Path root, String service, String name, long pid)
            throws IOException, InterruptedException {
        Path file = root.resolve(".run/bench/" + service + "-" + name + ".jfr");
        say("profiling " + service + " (pid " + pid + ") with JFR into " + file);
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile");
        return new Recording(pid, name, file);
    }

    record Recording(long pid, String name, Path file) {
        void stop() throws IOException, InterruptedException {
            jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file);
        }
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).inheritIO().start();
        if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
    }

    static Process jfr(Path root, String service, long pid, Duration duration) throws IOException {
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
}
