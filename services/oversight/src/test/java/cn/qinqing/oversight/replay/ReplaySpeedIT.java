package cn.qinqing.oversight.replay;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.ServiceProcess;
import cn.qinqing.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How fast a replay rebuilds the read models, against how fast PostgreSQL reads the event table in order, both
 * measured in this run on this machine (issue #8, target P3: replay ≥ 0.20 × the raw read).
 *
 * <p>As the benchmark does it, on a database of its own (so that the synthetic events stay out of the other tests'
 * store): the service's jar runs as a process with the launcher's JVM options, the store holds synthetic filings
 * (copies of a real {@code AppealFiledEvent} with fresh ids), an admin asks for a replay, and the rate is the store's
 * head at the reset over the time from the reset to the first poll that says done. The figures are printed, not
 * asserted (the machine is shared); what is asserted is that the replay kept every event again.
 *
 * <p>{@code -Dqinqing.replay-speed.events=N} sets how many events (default 20,000);
 * {@code -Dqinqing.replay-speed.jvm-options="-XX:StartFlightRecording=filename=/tmp/replay.jfr"} profiles the service;
 * {@code -Dqinqing.replay-speed.arguments="--qinqing.oversight.batch-size=2000"} passes it more arguments.
 */
class ReplaySpeedIT extends OversightApiTestBase {

    private static final int EVENTS = Integer.getInteger("qinqing.replay-speed.events", 20_000);
    private static final String JVM_OPTIONS = System.getProperty("qinqing.replay-speed.jvm-options", "");
    private static final String ARGUMENTS = System.getProperty("qinqing.replay-speed.arguments", "");

    @Test
    void aReplayIsMeasuredAgainstTheRawOrderedReadOfTheSameStore() throws Exception {
        Path jar = Path.of("target", "qinqing-oversight.jar");
        assumeTrue(Files.isRegularFile(jar), "the service jar is built at package, before the integration tests");
        var template = scenario().appeal("91150200MA0SPEED0T", "复制模板").filed(at("2025-06-02 09:00"));
        Map<String, Object> filing = jdbc.queryForMap(
                "SELECT type, meta_data, payload, payload_revision, payload_type, time_stamp"
                        + " FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                template.id.toString());

        String database = TestDatabase.get().name() + "_replay_speed";
        String url = TestDatabase.get().url().replace("/" + TestDatabase.get().name(), "/" + database);
        jdbc.execute("CREATE DATABASE " + database);
        List<String> jvmOptions = JVM_OPTIONS.isBlank() ? List.of() : List.of(JVM_OPTIONS.split("\\s+"));
        try (ServiceProcess oversight = ServiceProcess.start(
                        jar, "oversight-replay-speed", jvmOptions, Map.of("spring.datasource.url", url), arguments());
                SingleConnectionDataSource connection = new SingleConnectionDataSource(
                        DriverManager.getConnection(url, TestDatabase.get().user(), ""), true)) {
            JdbcTemplate store = new JdbcTemplate(connection);
            grow(store, filing, EVENTS, template.id.toString());
            HttpApi api = oversight.api();
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> progress(api).get("freshness").get("caughtUp").asBoolean());

            double raw = orderedReadRate(store);
            Duration cpuBefore = oversight.cpuTime();
            var requested = api.post("/api/oversight/admin/replay").token(admin).send();
            assertThat(requested.status()).isEqualTo(202);
            long generation = requested.json().get("control").get("generation").asLong();
            long[] doneAt = new long[1];
            await().atMost(Duration.ofMinutes(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        JsonNode progress = progress(api);
                        JsonNode control = progress.get("control");
                        if (control.get("generation").asLong() == generation
                                && control.get("state").asText().equals("RESET")
                                && progress.get("done").asBoolean()) {
                            doneAt[0] = System.currentTimeMillis();
                            return true;
                        }
                        return false;
                    });
            Duration cpu = oversight.cpuTime().minus(cpuBefore);
            var control = store.queryForMap("SELECT reset_at, reset_head FROM oversight.replay_control WHERE id = 1");
            long head = ((Number) control.get("reset_head")).longValue();
            double seconds = (doneAt[0] - ((Timestamp) control.get("reset_at")).getTime()) / 1000.0;
            double rate = head / seconds;
            System.out.println(String.format(
                    Locale.ROOT,
                    "ReplaySpeedIT: replayed %d events in %.2f s: %.0f events/s; raw ordered read (COPY) of the same"
                            + " store %.0f rows/s; ratio %.3f (target >= 0.20); the service used %.2f s of processor"
                            + " time, %.0f µs per event",
                    head,
                    seconds,
                    rate,
                    raw,
                    rate / raw,
                    cpu.toMillis() / 1000.0,
                    cpu.toNanos() / 1000.0 / head));

            assertThat(store.queryForObject("SELECT count(*) FROM oversight.appeal_event", Long.class))
                    .as("every filing kept, rebuilt")
                    .isEqualTo(EVENTS);
            assertThat(store.queryForObject("SELECT count(*) FROM oversight.appeal_dimension", Long.class))
                    .isEqualTo(EVENTS);
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static String[] arguments() {
        List<String> arguments = new ArrayList<>(List.of("--qinqing.oversight.freeze.enabled=false"));
        if (!ARGUMENTS.isBlank()) {
            arguments.addAll(List.of(ARGUMENTS.split("\\s+")));
        }
        return arguments.toArray(String[]::new);
    }

    private JsonNode progress(HttpApi api) {
        return api.get("/api/oversight/admin/replay").token(admin).send().json();
    }

    /** Copies of the template filing, each with a fresh appeal id, inserted set-wise in chunks. */
    private static void grow(JdbcTemplate store, Map<String, Object> filing, int events, String templateId) {
        int done = 0;
        while (done < events) {
            int chunk = Math.min(100_000, events - done);
            List<Object> args = new ArrayList<>();
            args.add(filing.get("type"));
            args.add(filing.get("meta_data"));
            args.add(filing.get("payload"));
            args.add(templateId);
            args.add(filing.get("payload_revision"));
            args.add(filing.get("payload_type"));
            args.add(filing.get("time_stamp"));
            args.add(chunk);
            store.update(
                    "INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,"
                            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                            + " SELECT g.id, 0, t.type, gen_random_uuid()::text, t.meta_data,"
                            + " convert_to(replace(convert_from(t.payload, 'UTF8'), t.template, g.id), 'UTF8'),"
                            + " t.payload_revision, t.payload_type, t.time_stamp"
                            + " FROM (SELECT ?::varchar AS type, ?::bytea AS meta_data, ?::bytea AS payload,"
                            + " ?::text AS template, ?::varchar AS payload_revision, ?::varchar AS payload_type,"
                            + " ?::varchar AS time_stamp) t,"
                            + " (SELECT gen_random_uuid()::text AS id FROM generate_series(1, ?)) g",
                    args.toArray());
            done += chunk;
        }
        store.execute("ANALYZE event_store.domain_event_entry");
    }

    /** {@code COPY (SELECT * FROM event_store.domain_event_entry ORDER BY global_index) TO STDOUT}: rows per second. */
    private static double orderedReadRate(JdbcTemplate store) {
        return store.execute((Connection connection) -> {
            try {
                long start = System.nanoTime();
                long rows = connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyOut(
                                "COPY (SELECT * FROM event_store.domain_event_entry ORDER BY global_index) TO STDOUT",
                                OutputStream.nullOutputStream());
                return rows / ((System.nanoTime() - start) / 1e9);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
