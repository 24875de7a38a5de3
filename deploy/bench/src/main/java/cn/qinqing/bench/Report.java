package cn.qinqing.bench;

import static cn.qinqing.bench.Log.say;

import cn.qinqing.launcher.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the benchmark reports: the figures as JSON ({@code deploy/bench/results/latest.json}) and as a table of
 * figure, measurement, target and verdict; the machine, versions and settings they were measured with.
 */
final class Report {

    /** Every figure, in the order of {@code latest.json}. */
    final Map<String, Object> json = new LinkedHashMap<>();

    private final List<String[]> table = new ArrayList<>();

    static String failure(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static String describe(Filings.Result result) {
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

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    static Map<String, Object> result(Filings.Result result) {
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

    static Map<String, Object> machine() throws IOException {
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

    static Map<String, Object> versions(Database database, Path root) throws Exception {
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version()")) {
            rows.next();
            versions.put("postgresql", rows.getString(1));
        }
        versions.put("git_commit", git(root, "rev-parse", "HEAD"));
        versions.put(
                "git_dirty",
                !git(root, "status", "--porcelain", "--untracked-files=no").isEmpty());
        return versions;
    }

    /** The tables written to during a phase, most written first, as rows per filing (those at 0.05 or more). */
    static Map<String, Object> perFiling(Map<String, Long> before, Map<String, Long> after, double filed) {
        Map<String, Object> perFiling = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(table ->
                        Map.entry(table.getKey(), (table.getValue() - before.getOrDefault(table.getKey(), 0L)) / filed))
                .filter(table -> table.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(table -> perFiling.put(table.getKey(), round(table.getValue(), 2)));
        return perFiling;
    }

    static Map<String, Object> settings(Database database, List<String> javaOptions, Options options)
            throws SQLException {
        Map<String, Object> settings = new LinkedHashMap<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN"
                        + " ('shared_buffers', 'synchronous_commit', 'wal_buffers', 'max_connections', 'commit_delay',"
                        + " 'fsync', 'work_mem', 'max_wal_size')")) {
            while (rows.next()) settings.put("pg." + rows.getString(1), rows.getString(2));
        }
        settings.put("service_java_options", String.join(" ", javaOptions));
        settings.put("hikari_maximum_pool_size", 8);
        settings.put("processor_batch_size", options.batchSize == null ? 100 : options.batchSize);
        settings.put("processor_coalesce_ms", options.coalesceMillis == null ? 5 : options.coalesceMillis);
        settings.put("processor_segments", options.segments == null ? 1 : options.segments);
        return settings;
    }

    static String git(Path root, String... args) {
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

    @SuppressWarnings("unchecked")
    void write(Options options, Path root) throws IOException {
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
                "P2 single hop",
                "p99 " + p2.get("single_p99_ms") + " ms (p50 " + p2.get("single_p50_ms") + "), one filing at a time",
                "p99 <= 20 ms",
                "-",
                le(p2.get("single_p99_ms"), 20));
        row(
                "Read your writes",
                p1.get("read_after_write_404") + " of " + p1.get("read_after_write_checked") + " read at once were 404",
                "0",
                "-",
                Integer.valueOf(0).equals(p1.get("read_after_write_404")) ? "pass" : "MISS");
        row(
                "Work per filing",
                p1.get("commits_per_filing") + " commits, " + p1.get("rows_per_filing") + " rows written, "
                        + p1.get("rows_fetched_per_filing") + " fetched, " + p1.get("cpu_ms_per_filing") + " ms CPU",
                "reported",
                "-",
                "-");
        row(
                "P3 replay",
                p3.get("events_per_s") + " ev/s vs raw " + p3.get("raw_reads_per_s") + " rows/s",
                "ratio >= 0.20",
                p3.get("ratio"),
                ge(p3.get("ratio"), 0.2));
        Map<String, Object> reads = (Map<String, Object>) json.getOrDefault("supervisor_reads", Map.of());
        row(
                "KPI reads",
                "first " + reads.get("kpis_first_ms") + " ms, then p50 " + reads.get("kpis_p50_ms") + " / max "
                        + reads.get("kpis_max_ms") + " ms, on " + reads.get("events") + " events of "
                        + reads.get("appeals") + " appeals",
                "reported",
                "-",
                "-");
        row(
                "Timeline reads",
                "p50 " + reads.get("timeline_p50_ms") + " / max " + reads.get("timeline_max_ms") + " ms",
                "reported",
                "-",
                "-");
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
        writeTo(file);
        say("wrote " + root.relativize(file));
    }

    /** The figures as JSON into {@code file}. */
    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.write(json) + "\n");
    }

    void row(String figure, String measured, String target, Object ratio, String verdict) {
        table.add(new String[] {figure, measured, target, String.valueOf(ratio), verdict});
    }

    static String ge(Object value, double target) {
        return value instanceof Number n ? (n.doubleValue() >= target ? "pass" : "MISS") : "-";
    }

    static String le(Object value, double target) {
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
