package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.OidcLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R1 of issue #9, crash and restart: under a steady load of writes across services (an enterprise files an appeal, the
 * assignment service routes it by reaction, an official signs for it, the resolution service opens its case file by
 * reaction, the official notes progress), a service process is killed with SIGKILL and started again; separately,
 * PostgreSQL is restarted. Afterwards every write that was acknowledged (2xx) is in the event store exactly once, no
 * retried filing was stored twice, and every read model has caught up with the event store.
 *
 * <p>It runs on a PostgreSQL server of its own (embedded, data under {@code target/}), never the machine's shared one,
 * which it restarts; each service connects as its own role, as with {@code ./deploy/run.sh}. The size comes from system properties, so that CI runs a short version and
 * {@code ./deploy/reliability.sh r1} the long one: {@code qinqing.r1.seconds} (load per phase, 10), {@code
 * qinqing.r1.clients} (concurrent users, 3), {@code qinqing.r1.services} (identity, appeals, assignment, resolution;
 * the full run adds oversight).
 */
class CrashAndRestartIT {

    static final int SECONDS = Integer.getInteger("qinqing.r1.seconds", 10);
    static final int CLIENTS = Integer.getInteger("qinqing.r1.clients", 3);
    static final int DOWN_SECONDS = 4;
    static final List<String> SERVICES = Arrays.stream(
                    System.getProperty("qinqing.r1.services", "identity,appeals,assignment,resolution")
                            .split(","))
            .map(String::trim)
            .toList();

    static Path directory;
    static int postgresPort;
    static volatile EmbeddedDatabase postgres;
    static Platform platform;
    static HttpApi appeals;
    static HttpApi assignment;
    static HttpApi resolution;
    static String enterpriseToken;
    static String officialToken;

    @BeforeAll
    static void start() throws IOException {
        directory = Path.of("target", "r1-" + ProcessHandle.current().pid()).toAbsolutePath();
        postgresPort = Platform.freePort();
        postgres = startPostgres();
        platform = Platform.builder(EndToEnd.ROOT)
                .database(postgres.database())
                // each service as its own role, as ./deploy/run.sh runs them (least privilege)
                .serviceDatabases(DatabaseRoles.prepare(postgres.database(), SERVICES))
                .services(ServiceCatalog.named(SERVICES.toArray(String[]::new)))
                .freePorts()
                .runDirectory(directory)
                .timeout(Duration.ofSeconds(300))
                .progress(message -> System.out.println("[r1 platform] " + message))
                .start();
        appeals = api("appeals");
        assignment = api("assignment");
        resolution = api("resolution");
        OidcLogin identity = new OidcLogin(platform.issuer().toString());
        // tokens live 30 minutes: taken once, they outlive every crash below, identity's included
        enterpriseToken = identity.clientToken("enterprise-a-client", "qinqing-demo");
        officialToken = identity.userToken("official", "qinqing-demo");
    }

    static EmbeddedDatabase startPostgres() {
        return EmbeddedDatabase.start(directory.resolve("postgres"), postgresPort, directory.resolve("postgres.log"));
    }

    static HttpApi api(String service) {
        return new HttpApi("http://127.0.0.1:" + platform.service(service).port());
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (directory != null && Files.isDirectory(directory.resolve("postgres"))) {
            try (Stream<Path> files = Files.walk(directory.resolve("postgres"))) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void servicesKilledMidLoadLoseNoAcknowledgedWriteAndStoreNoneTwice() throws Exception {
        Load load = Load.start();
        pause(SECONDS / 3);
        for (String victim : List.of("appeals", "assignment")) {
            platform.kill(victim);
            long begin = System.nanoTime();
            platform.restart(victim);
            System.out.printf(
                    "[r1] %s killed with SIGKILL and healthy again after %.1f s%n",
                    victim, (System.nanoTime() - begin) / 1e9);
            pause(SECONDS / 3);
        }
        load.stop();

        assertThat(load.failedAttempts.get()).as("the clients felt the crashes").isPositive();
        check("kill -9 appeals, then assignment", load);
    }

    @Test
    void aRestartOfPostgresMidLoadLosesNoAcknowledgedWriteAndStoresNoneTwice() throws Exception {
        Load load = Load.start();
        pause(SECONDS / 2);
        long begin = System.nanoTime();
        postgres.close();
        // down long enough that requests, reactions and processors find no database
        pause(DOWN_SECONDS);
        postgres = startPostgres();
        System.out.printf(
                "[r1] PostgreSQL stopped (fast shutdown), down %d s, up again after %.1f s%n",
                DOWN_SECONDS, (System.nanoTime() - begin) / 1e9);
        pause(SECONDS / 2);
        load.stop();

        check("PostgreSQL restart", load);
    }

    /**
     * Acknowledged = stored = projected, for each kind of write, once every processor of every service has reached
     * the head of the event store.
     */
    static void check(String fault, Load load) throws SQLException {
        assertThat(load.filings).as("the load filed appeals").isNotEmpty();
        assertThat(load.signFors).as("the load signed for appeals").isNotEmpty();
        assertThat(load.notes).as("the load noted progress").isNotEmpty();

        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(processorsBehindHead()).isEmpty());

        try (Connection db = postgres.database().connect()) {
            Map<String, Long> filed = countPer(
                    db,
                    "SELECT aggregate_identifier, count(*) FROM event_store.domain_event_entry"
                            + " WHERE payload_type = 'cn.qinqing.language.appeal.AppealFiledEvent'"
                            + " AND aggregate_identifier = ANY (?) GROUP BY 1",
                    load.filings);
            Map<String, Long> signed = countPer(
                    db,
                    "SELECT convert_from(payload, 'UTF8')::jsonb->>'appealId', count(*)"
                            + " FROM event_store.domain_event_entry"
                            + " WHERE payload_type = 'cn.qinqing.language.assignment.AppealSignedForEvent'"
                            + " AND convert_from(payload, 'UTF8')::jsonb->>'appealId' = ANY (?) GROUP BY 1",
                    load.signFors);
            Map<String, Long> noted = countPer(
                    db,
                    "SELECT convert_from(payload, 'UTF8')::jsonb->>'text', count(*) FROM event_store.domain_event_entry"
                            + " WHERE payload_type = 'cn.qinqing.language.resolution.ProgressNotedEvent'"
                            + " AND convert_from(payload, 'UTF8')::jsonb->>'text' = ANY (?) GROUP BY 1",
                    load.notes);
            assertThat(filed).as("filings stored exactly once").hasSize(load.filings.size());
            assertThat(filed.values()).as("filings stored exactly once").containsOnly(1L);
            assertThat(signed).as("sign-fors stored exactly once").hasSize(load.signFors.size());
            assertThat(signed.values()).as("sign-fors stored exactly once").containsOnly(1L);
            assertThat(noted).as("notes stored exactly once").hasSize(load.notes.size());
            assertThat(noted.values()).as("notes stored exactly once").containsOnly(1L);
            // every attempt's title carries its Idempotency-Key: a retry that was stored again would repeat one
            assertThat(count(
                            db,
                            "SELECT count(*) - count(DISTINCT convert_from(payload, 'UTF8')::jsonb->>'title')"
                                    + " FROM event_store.domain_event_entry"
                                    + " WHERE payload_type = 'cn.qinqing.language.appeal.AppealFiledEvent'",
                            null))
                    .as("filings stored twice under one Idempotency-Key")
                    .isZero();

            long appealsProjected =
                    count(db, "SELECT count(*) FROM appeals.appeal_view WHERE appeal_id::text = ANY (?)", load.filings);
            long routedProjected = count(
                    db,
                    "SELECT count(*) FROM assignment.assignment_view WHERE appeal_id::text = ANY (?)",
                    load.filings);
            long signedProjected = count(
                    db,
                    "SELECT count(*) FROM assignment.assignment_view WHERE appeal_id::text = ANY (?)"
                            + " AND signed_for_at IS NOT NULL",
                    load.signFors);
            long casesProjected = count(
                    db,
                    "SELECT count(*) FROM resolution.case_file_view WHERE appeal_id::text = ANY (?)",
                    load.signFors);
            long notesProjected =
                    count(db, "SELECT count(*) FROM resolution.progress_note WHERE text = ANY (?)", load.notes);
            assertThat(appealsProjected).as("appeals read model").isEqualTo(load.filings.size());
            assertThat(routedProjected).as("assignment read model").isEqualTo(load.filings.size());
            assertThat(signedProjected)
                    .as("sign-fors in the assignment read model")
                    .isEqualTo(load.signFors.size());
            assertThat(casesProjected).as("case files opened by reaction").isEqualTo(load.signFors.size());
            assertThat(notesProjected).as("resolution notes read model").isEqualTo(load.notes.size());
            String oversight = "";
            if (SERVICES.contains("oversight")) {
                long facts = count(
                        db,
                        "SELECT count(DISTINCT appeal_id) FROM oversight.appeal_fact WHERE appeal_id::text = ANY (?)",
                        load.filings);
                assertThat(facts).as("oversight read model").isEqualTo(load.filings.size());
                oversight = ", oversight " + facts;
            }
            System.out.printf(
                    "[r1] %s, %d clients, %d s of load: acknowledged = stored = projected:"
                            + " filings %d = %d = %d (assignment %d%s), sign-fors %d = %d = %d (case files %d),"
                            + " notes %d = %d = %d; %d writes and %d reads unanswered, refused or 5xx;"
                            + " every processor at the head (%d events)%n",
                    fault,
                    CLIENTS,
                    SECONDS,
                    load.filings.size(),
                    filed.size(),
                    appealsProjected,
                    routedProjected,
                    oversight,
                    load.signFors.size(),
                    signed.size(),
                    signedProjected,
                    casesProjected,
                    load.notes.size(),
                    noted.size(),
                    notesProjected,
                    load.failedAttempts.get(),
                    load.failedReads.get(),
                    count(db, "SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry", null));
        }
    }

    /** Processors (schema.name) whose lowest segment is behind the last event; empty once all caught up. */
    static List<String> processorsBehindHead() throws SQLException {
        List<String> behind = new ArrayList<>();
        try (Connection db = postgres.database().connect()) {
            long head = count(db, "SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry", null);
            List<String> schemas = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement(
                            "SELECT table_schema FROM information_schema.tables WHERE table_name = 'token_entry'");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
            for (String schema : schemas) {
                try (PreparedStatement query = db.prepareStatement("SELECT processor_name, min(coalesce("
                                + "(convert_from(token, 'UTF8')::jsonb->>'index')::bigint,"
                                + " (convert_from(token, 'UTF8')::jsonb->'currentToken'->>'index')::bigint, -1))"
                                + " FROM " + schema + ".token_entry GROUP BY 1");
                        ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getLong(2) < head) {
                            behind.add(schema + "." + rows.getString(1) + " at " + rows.getLong(2) + "/" + head);
                        }
                    }
                }
            }
        }
        return behind;
    }

    static Map<String, Long> countPer(Connection db, String sql, Collection<String> keys) throws SQLException {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("varchar", keys.toArray());
            query.setArray(1, array);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    static long count(Connection db, String sql, Collection<String> keys) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (keys != null) {
                query.setArray(1, db.createArrayOf("varchar", keys.toArray()));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void pause(int seconds) throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(Math.max(seconds, 1)).toMillis());
    }

    /**
     * Users working at once, each round: file an appeal, wait until it is routed, sign for it, wait for its case file,
     * note progress. A write that gets no answer or a 5xx is retried as a client would (the same Idempotency-Key or
     * If-Match); only a 2xx counts as acknowledged.
     */
    static final class Load {
        final Set<String> filings = ConcurrentHashMap.newKeySet();
        final Set<String> signFors = ConcurrentHashMap.newKeySet();
        final Set<String> notes = ConcurrentHashMap.newKeySet();
        final AtomicInteger failedAttempts = new AtomicInteger();
        final AtomicInteger failedReads = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> clients = new ArrayList<>();

        static Load start() {
            Load load = new Load();
            for (int i = 0; i < CLIENTS; i++) {
                Thread client = new Thread(load::work, "r1-client-" + i);
                load.clients.add(client);
                client.start();
            }
            return load;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join(Duration.ofSeconds(120).toMillis());
                assertThat(client.isAlive())
                        .as(client.getName() + " finished its round")
                        .isFalse();
            }
        }

        private void work() {
            while (running.get()) {
                String key = UUID.randomUUID().toString();
                String id = attempt(() -> appeals.post("/api/appeals")
                        .token(enterpriseToken)
                        .header("Idempotency-Key", key)
                        .body(Map.of(
                                "title", "R1 " + key,
                                "description", "停电导致生产线停工，请协调供电公司。",
                                "category", "POWER",
                                "urgency", "NORMAL"))
                        .send());
                if (id == null) {
                    continue;
                }
                filings.add(id);
                String routed = awaitEtag(assignment, "/api/assignment/appeals/" + id);
                if (routed == null) {
                    continue;
                }
                if (attempt(() -> assignment
                                .post("/api/assignment/appeals/" + id + "/sign-for")
                                .token(officialToken)
                                .header("If-Match", routed)
                                .send())
                        == null) {
                    continue;
                }
                signFors.add(id);
                String caseFile = awaitEtag(resolution, "/api/resolution/case-files/" + id);
                if (caseFile == null) {
                    continue;
                }
                String text = "R1 进展 " + key;
                String noteKey = UUID.randomUUID().toString();
                if (attempt(() -> resolution
                                .post("/api/resolution/case-files/" + id + "/notes")
                                .token(officialToken)
                                .header("If-Match", caseFile)
                                .header("Idempotency-Key", noteKey)
                                .body(Map.of("text", text, "visibleToEnterprise", true, "contactWithEnterprise", false))
                                .send())
                        != null) {
                    notes.add(text);
                }
            }
        }

        /**
         * Sends until a 2xx (its id, or "ok"), a 4xx (null: refused, not retried) or, once the load stops, for at most
         * 60 s more (null: unacknowledged).
         */
        private String attempt(Supplier<HttpApi.Response> request) {
            long giveUp = Long.MAX_VALUE;
            while (true) {
                try {
                    HttpApi.Response response = request.get();
                    if (response.status() / 100 == 2) {
                        var id = response.text().isBlank()
                                ? null
                                : response.json().get("id");
                        return id == null ? "ok" : id.asText();
                    }
                    if (response.status() / 100 == 4) {
                        failedAttempts.incrementAndGet();
                        return null;
                    }
                } catch (UncheckedIOException | IllegalStateException e) {
                    // no answer: the service is down or PostgreSQL is; the client tries again
                }
                failedAttempts.incrementAndGet();
                if (!running.get() && giveUp == Long.MAX_VALUE) {
                    giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                }
                if (System.nanoTime() > giveUp) {
                    return null;
                }
                sleepQuietly(250);
            }
        }

        /** The ETag of what the official reads at {@code path}, once a reaction created it (up to 120 s). */
        private String awaitEtag(HttpApi api, String path) {
            long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < giveUp) {
                try {
                    HttpApi.Response response =
                            api.get(path).token(officialToken).send();
                    if (response.status() == 200) {
                        return response.header("ETag");
                    }
                    if (response.status() >= 500) {
                        failedReads.incrementAndGet();
                    }
                } catch (UncheckedIOException | IllegalStateException e) {
                    failedReads.incrementAndGet();
                }
                sleepQuietly(200);
            }
            return null;
        }

        private static void sleepQuietly(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
