package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.testsupport.HttpApi;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The writing users of R1 ({@code CrashAndRestartIT}) and R10 ({@code FailoverIT}), given their services and database:
 * users working at once, each round: file an appeal, wait until it is routed, sign for it, wait for its case file,
 * note progress. A write that gets no answer or a 5xx is retried as a client would (the same Idempotency-Key or
 * If-Match); only a 2xx counts as acknowledged.
 */
final class WritingUsers {

    /** Where the users write, and as whom: an enterprise's client and the official of industry-it. */
    record Apis(
            HttpApi appeals, HttpApi assignment, HttpApi resolution, String enterpriseToken, String officialToken) {}

    final Set<String> filings = ConcurrentHashMap.newKeySet();
    final Set<String> signFors = ConcurrentHashMap.newKeySet();
    final Set<String> notes = ConcurrentHashMap.newKeySet();
    final AtomicInteger failedAttempts = new AtomicInteger();
    final AtomicInteger failedReads = new AtomicInteger();
    /** When each write was acknowledged ({@link System#nanoTime()}), to find the longest time without one. */
    final Queue<Long> acknowledgedAt = new ConcurrentLinkedQueue<>();

    private final String tag;
    private final Apis apis;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    private WritingUsers(String tag, Apis apis) {
        this.tag = tag;
        this.apis = apis;
    }

    /** {@code clients} users writing through {@code apis} until {@link #stop}; {@code tag} names them in the output. */
    static WritingUsers start(String tag, Apis apis, int clients) {
        WritingUsers load = new WritingUsers(tag, apis);
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(load::work, tag + "-client-" + i);
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
            String id = attempt(() -> apis.appeals()
                    .post("/api/appeals")
                    .token(apis.enterpriseToken())
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
            String routed = awaitEtag(apis.assignment(), "/api/assignment/appeals/" + id);
            if (routed == null) {
                continue;
            }
            if (attempt(() -> apis.assignment()
                            .post("/api/assignment/appeals/" + id + "/sign-for")
                            .token(apis.officialToken())
                            .header("If-Match", routed)
                            .send())
                    == null) {
                continue;
            }
            signFors.add(id);
            String caseFile = awaitEtag(apis.resolution(), "/api/resolution/case-files/" + id);
            if (caseFile == null) {
                continue;
            }
            String text = "R1 进展 " + key;
            String noteKey = UUID.randomUUID().toString();
            if (attempt(() -> apis.resolution()
                            .post("/api/resolution/case-files/" + id + "/notes")
                            .token(apis.officialToken())
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
                    acknowledgedAt.add(System.nanoTime());
                    var id = response.text().isBlank() ? null : response.json().get("id");
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
                        api.get(path).token(apis.officialToken()).send();
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

    /**
     * Acknowledged = stored = projected, for each kind of write, once every processor of every service has reached
     * the head of the event store.
     */
    void check(String fault, Database database, List<String> services, int seconds) throws SQLException {
        WritingUsers load = this;
        assertThat(load.filings).as("the load filed appeals").isNotEmpty();
        assertThat(load.signFors).as("the load signed for appeals").isNotEmpty();
        assertThat(load.notes).as("the load noted progress").isNotEmpty();

        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(processorsBehindHead(database)).isEmpty());

        try (Connection db = database.connect()) {
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
            if (services.contains("oversight")) {
                long facts = count(
                        db,
                        "SELECT count(DISTINCT appeal_id) FROM oversight.appeal_event WHERE appeal_id::text = ANY (?)",
                        load.filings);
                assertThat(facts).as("oversight read model").isEqualTo(load.filings.size());
                oversight = ", oversight " + facts;
            }
            System.out.printf(
                    "[" + tag + "] %s, %d clients, %d s of load: acknowledged = stored = projected:"
                            + " filings %d = %d = %d (assignment %d%s), sign-fors %d = %d = %d (case files %d),"
                            + " notes %d = %d = %d; %d writes and %d reads unanswered, refused or 5xx;"
                            + " every processor at the head (%d events)%n",
                    fault,
                    clients.size(),
                    seconds,
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
    static List<String> processorsBehindHead(Database database) throws SQLException {
        List<String> behind = new ArrayList<>();
        try (Connection db = database.connect()) {
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
}
