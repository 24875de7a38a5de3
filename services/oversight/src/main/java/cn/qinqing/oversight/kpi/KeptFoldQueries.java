package cn.qinqing.oversight.kpi;

import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.eventlog.AppealEventLog;
import cn.qinqing.oversight.eventlog.AppealEventLog.Head;
import cn.qinqing.oversight.history.ClockInterval;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The KPI folds kept in PostgreSQL ({@code kpi_fold}, ADR 0007), so that a read decodes and folds only the appeals
 * whose events changed since some read folded them, on any instance, and memory does not grow with the store.
 *
 * <p>A fold is read back only while it holds: the appeal's head (last global index, number of events) is the same,
 * the instant asked about is inside its {@link ClockInterval}, and its <em>basis</em> is the same. The basis is a
 * digest of the working calendar's versions and of the code that makes and stores folds (the class files of oversight's
 * {@code history} and {@code kpi} packages and of the published language), so a release that changes a rule or an
 * upcaster finds no fold it could read wrongly: it makes them again.
 *
 * <p>Folds are written after the read has used them, by one background thread (a read over a million appeals does not
 * wait for a million rows). When writes fall behind, folds are dropped ({@code oversight.kpi.folds.dropped}): the
 * table is a cache of what the events say, and the next read makes them again.
 */
@Repository
class KeptFoldQueries {

    private static final Logger log = LoggerFactory.getLogger(KeptFoldQueries.class);

    /** The code a fold's units come from: a change in any of these class files changes every basis. */
    private static final List<String> RULES = List.of(
            "classpath*:cn/qinqing/oversight/history/**/*.class",
            "classpath*:cn/qinqing/oversight/kpi/**/*.class",
            "classpath*:cn/qinqing/language/**/*.class");

    /** Chunks of folds waiting to be written; more are dropped. */
    private static final int WAITING_CHUNKS = 32;

    /**
     * An appeal's head, with what a fold kept for it says when that fold holds.
     *
     * @param kept whether a fold holds; if not, the appeal must be folded
     * @param units what it counts ({@link Kpis#units}), encoded ({@link UnitCodec}); null when none
     * @param overdue what it has overdue ({@link Kpis#overdueUnits}), encoded; null when none
     */
    record Row(UUID appealId, Head head, boolean kept, byte[] units, byte[] overdue) {}

    /** A fold to keep: its appeal's head, the instants it holds for and its units. */
    record Fold(UUID appealId, Head head, ClockInterval interval, List<Kpis.Unit> units, List<Kpis.Unit> overdue) {}

    private final JdbcTemplate jdbc;
    private final AppealEventLog events;
    private final Counter keptCounter;
    private final Counter foldedCounter;
    private final Counter droppedCounter;
    private final ThreadPoolExecutor writer =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING_CHUNKS), runnable -> {
                Thread thread = new Thread(runnable, "kpi-fold-writer");
                thread.setDaemon(true);
                return thread;
            });

    private volatile String rules;

    KeptFoldQueries(JdbcTemplate jdbc, AppealEventLog events, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.events = events;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.keptCounter = Counter.builder("oversight.kpi.folds")
                .description("Appeals a KPI read took from a kept fold (kept) or folded from their events (folded)")
                .tag("result", "kept")
                .register(registry);
        this.foldedCounter = Counter.builder("oversight.kpi.folds")
                .description("Appeals a KPI read took from a kept fold (kept) or folded from their events (folded)")
                .tag("result", "folded")
                .register(registry);
        this.droppedCounter = Counter.builder("oversight.kpi.folds.dropped")
                .description("Folds not kept because the writer had fallen behind; the next read makes them again")
                .register(registry);
        this.writer.setRejectedExecutionHandler((task, executor) -> {
            if (task instanceof Write write) {
                droppedCounter.increment(write.folds.size());
            }
        });
    }

    /**
     * The basis folds are kept under with this working calendar (its versions) and this code; {@link #heads} reads
     * back only folds with the same.
     */
    String basis(List<Directory.CalendarVersion> calendarVersions) {
        MessageDigest digest = sha256();
        digest.update(rules().getBytes(StandardCharsets.UTF_8));
        digest.update(calendarVersions.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Each head of the query with the fold kept for it under the basis at the instant, if one holds, in chunks read
     * from a cursor ({@link AppealEventLog#inChunks}): a chunk's consumer may read its appeals' events meanwhile.
     */
    void heads(AppealEventLog.HeadQuery heads, String basis, Instant asOf, Consumer<List<Row>> eachChunk) {
        List<Object> args = new ArrayList<>(heads.args());
        args.add(basis);
        long asOfMicros = floorMicros(asOf);
        events.inChunks(
                "SELECT h.appeal_id, h.last_index, h.events, f.valid_from, f.valid_until, f.units, f.overdue"
                        + " FROM (" + heads.sql() + ") h LEFT JOIN kpi_fold f ON f.appeal_id = h.appeal_id"
                        + " AND f.last_index = h.last_index AND f.events = h.events AND f.basis = ?",
                args,
                (rs, row) -> {
                    long from = rs.getLong("valid_from");
                    boolean found = !rs.wasNull();
                    long until = rs.getLong("valid_until");
                    boolean holds = found && from <= asOfMicros && asOfMicros < until;
                    return new Row(
                            rs.getObject("appeal_id", UUID.class),
                            Head.of(rs),
                            holds,
                            holds ? rs.getBytes("units") : null,
                            holds ? rs.getBytes("overdue") : null);
                },
                chunk -> {
                    long kept = chunk.stream().filter(Row::kept).count();
                    keptCounter.increment(kept);
                    foldedCounter.increment(chunk.size() - kept);
                    eachChunk.accept(chunk);
                });
    }

    /**
     * Keeps these folds (made under the basis) once the writer gets to them. A fold replaces the one kept for its
     * appeal unless that one is of a later head (a read as of an earlier instant does not push out a current fold).
     */
    void keep(String basis, List<Fold> folds) {
        if (!folds.isEmpty()) {
            writer.execute(new Write(basis, List.copyOf(folds)));
        }
    }

    /** Waits until every fold handed to {@link #keep} so far is written or dropped (what tests read after). */
    void flush() {
        try {
            writer.submit(() -> {}).get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the kept KPI folds were not written in time", e);
        }
    }

    @PreDestroy
    void stop() {
        writer.shutdown();
    }

    private final class Write implements Runnable {
        private final String basis;
        private final List<Fold> folds;

        Write(String basis, List<Fold> folds) {
            this.basis = basis;
            this.folds = folds;
        }

        @Override
        public void run() {
            try {
                write(basis, folds);
            } catch (RuntimeException e) {
                droppedCounter.increment(folds.size());
                log.warn("{} KPI folds were not kept: {}", folds.size(), e.toString());
            }
        }
    }

    private static final String UPSERT = "INSERT INTO kpi_fold AS f (appeal_id, last_index, events, basis, valid_from,"
            + " valid_until, units, overdue)"
            + " SELECT t.appeal_id, t.last_index, t.events, ?, t.valid_from, t.valid_until, t.units, t.overdue"
            + " FROM unnest(?::uuid[], ?::bigint[], ?::int[], ?::bigint[], ?::bigint[], ?::bytea[], ?::bytea[])"
            + " AS t(appeal_id, last_index, events, valid_from, valid_until, units, overdue)"
            + " ON CONFLICT (appeal_id) DO UPDATE SET last_index = EXCLUDED.last_index, events = EXCLUDED.events,"
            + " basis = EXCLUDED.basis, valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until,"
            + " units = EXCLUDED.units, overdue = EXCLUDED.overdue"
            + " WHERE f.last_index <= EXCLUDED.last_index";

    /** One statement for the chunk: every column as an array, {@code unnest} makes the rows (as appeal events are). */
    private void write(String basis, List<Fold> folds) {
        int n = folds.size();
        UUID[] appeals = new UUID[n];
        Long[] lastIndexes = new Long[n];
        Integer[] counts = new Integer[n];
        Long[] froms = new Long[n];
        Long[] untils = new Long[n];
        byte[][] units = new byte[n][];
        byte[][] overdue = new byte[n][];
        for (int i = 0; i < n; i++) {
            Fold fold = folds.get(i);
            long[] bounds = storedBounds(fold.interval());
            appeals[i] = fold.appealId();
            lastIndexes[i] = fold.head().lastIndex();
            counts[i] = fold.head().events();
            froms[i] = bounds[0];
            untils[i] = bounds[1];
            units[i] = UnitCodec.encode(fold.units());
            overdue[i] = UnitCodec.encode(fold.overdue());
        }
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, basis);
                upsert.setArray(2, connection.createArrayOf("uuid", appeals));
                upsert.setArray(3, connection.createArrayOf("int8", lastIndexes));
                upsert.setArray(4, connection.createArrayOf("int4", counts));
                upsert.setArray(5, connection.createArrayOf("int8", froms));
                upsert.setArray(6, connection.createArrayOf("int8", untils));
                upsert.setArray(7, connection.createArrayOf("bytea", units));
                upsert.setArray(8, connection.createArrayOf("bytea", overdue));
                return upsert.executeUpdate();
            }
        });
    }

    /** The floor of an instant in microseconds since the epoch, PostgreSQL's precision. */
    static long floorMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /**
     * The interval's bounds as stored: whole microseconds inside it (a start rounded up, an end rounded down), so that
     * the stored interval never holds an instant the fold's does not. Unbounded: the longs' ends.
     */
    static long[] storedBounds(ClockInterval interval) {
        long from = interval.from().equals(Instant.MIN) ? Long.MIN_VALUE : ceilMicros(interval.from());
        long until = interval.until().equals(Instant.MAX) ? Long.MAX_VALUE : floorMicros(interval.until());
        return new long[] {from, until};
    }

    private static long ceilMicros(Instant instant) {
        long floor = floorMicros(instant);
        return instant.getNano() % 1_000 == 0 ? floor : floor + 1;
    }

    private String rules() {
        String known = rules;
        if (known == null) {
            known = fingerprint();
            rules = known;
        }
        return known;
    }

    private static String fingerprint() {
        MessageDigest digest = sha256();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        int classes = 0;
        try {
            for (String pattern : RULES) {
                Resource[] found = resolver.getResources(pattern);
                Arrays.sort(found, Comparator.comparing(KeptFoldQueries::name));
                for (Resource resource : found) {
                    digest.update(name(resource).getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = resource.getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                    classes++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the KPI rules' classes", e);
        }
        if (classes == 0) {
            throw new IllegalStateException("none of the KPI rules' classes was found on the class path");
        }
        log.info("KPI folds are kept under the rules of {} classes", classes);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A class file's name from its package on: the same in a jar and in a directory. */
    private static String name(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf("cn/qinqing/");
            return at < 0 ? url : url.substring(at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
