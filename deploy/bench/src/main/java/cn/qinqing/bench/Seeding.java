package cn.qinqing.bench;

import static cn.qinqing.bench.Log.say;

import cn.qinqing.launcher.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmark puts in place before and between its measurements: the enterprises registered in appeals and
 * their tokens, planner statistics, and a store grown with synthetic events (P3, P4). The soak reuses the registration
 * and the tokens.
 */
final class Seeding {

    private final Database database;
    private final Measuring store;
    private final List<BenchEnterprise> enterprises;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Seeding(Database database, Measuring store, List<BenchEnterprise> enterprises) {
        this.database = database;
        this.store = store;
        this.enterprises = enterprises;
    }

    /**
     * Registers the benchmark's enterprises in appeals as the admin (a second run on a kept database finds them
     * registered: 409) and waits until appeals' read model has them, which filing checks. Assignment needs no wait: its
     * routing handles an enterprise's registration before that enterprise's filings (same sequence).
     */
    void registerEnterprises(URI issuer, URI appealsUrl) throws Exception {
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
    List<String> enterpriseTokens(URI issuer) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (BenchEnterprise enterprise : enterprises) {
            tokens.add(token(issuer, enterprise.clientId()));
        }
        return tokens;
    }

    String token(URI issuer, String client) throws Exception {
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

    void analyze() throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    /** A real AppealFiledEvent's payload and metadata from the store (after the warm-up filed some). */
    byte[][] templateEvent() throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT payload, meta_data FROM event_store.domain_event_entry WHERE payload_type = ?"
                                + " ORDER BY global_index LIMIT 1")) {
            query.setString(1, Measuring.FILED);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) throw new IllegalStateException("No AppealFiledEvent in the store");
                return new byte[][] {rows.getBytes(1), rows.getBytes(2)};
            }
        }
    }

    /** Adds synthetic filings (copies of a real AppealFiledEvent with fresh ids) until the store holds {@code target}. */
    void grow(long target, byte[][] template) throws SQLException {
        long missing = target - store.count();
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
                    insert.setString(1, Measuring.FILED);
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

    /**
     * Grows the store to {@code target} events with copies of one real appeal's whole history (its filing and what
     * the other services appended in reaction, e.g. the assignment's opening and dispatch): every copy gets fresh
     * aggregate identifiers, replaced in the payloads too, fresh event identifiers, and the sequence numbers, types,
     * revisions and metadata of the original rows, so the grown store holds millions of readable events of millions of
     * aggregates as the services' serializer wrote them. One statement per 100,000 appeals, server-side.
     *
     * @return events per synthetic appeal
     */
    int growAppeals(long target) throws SQLException {
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
                            .formatted(Measuring.FILED));
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
            long missing = target - store.count();
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
}
