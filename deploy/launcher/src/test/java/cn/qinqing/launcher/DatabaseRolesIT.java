package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least privilege in PostgreSQL, as the launcher sets it up: a service's role appends to the event store and reads it,
 * but PostgreSQL itself refuses it an update, a delete or a truncate of a stored event (a permission error, before the
 * event store's trigger would be reached), and it cannot write, or create anything in, another service's schema.
 *
 * <p>On a PostgreSQL server of its own (embedded, under {@code target/}): roles are per server, and the machine's
 * shared server is left alone.
 */
class DatabaseRolesIT {

    static Path directory;
    static EmbeddedDatabase postgres;
    static Database owner;
    static Map<String, Database> roles;

    @BeforeAll
    static void start() throws SQLException {
        directory = Path.of("target", "roles-" + ProcessHandle.current().pid()).toAbsolutePath();
        postgres = EmbeddedDatabase.start(
                directory.resolve("postgres"), Platform.freePort(), directory.resolve("postgres.log"));
        owner = postgres.database();
        // a schema an earlier version migrated as the owner, before there were roles
        execute(owner, "CREATE SCHEMA meetings", "CREATE TABLE meetings.meeting_view (meeting_id uuid PRIMARY KEY)");
        roles = DatabaseRoles.prepare(owner, List.of("identity", "appeals", "assignment", "meetings", "portal"));
        execute(
                owner,
                "INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,"
                        + " event_identifier, payload, payload_type, time_stamp)"
                        + " VALUES ('appeal-1', 0, 'Appeal', 'event-1', '\\x7b7d', 'AppealFiledEvent',"
                        + " '2026-11-28T00:00:00Z')");
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        if (directory != null && Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void eachServiceThatKeepsDataGetsARoleOfItsOwnThePortalForItsSessions() {
        assertThat(roles).containsOnlyKeys("identity", "appeals", "assignment", "meetings", "portal");
        assertThat(roles.get("appeals").user()).isEqualTo("qinqing_appeals");
        assertThat(roles.get("appeals").password())
                .hasSize(48)
                .isNotEqualTo(roles.get("assignment").password());
    }

    @Test
    void aServiceRoleAppendsAndReadsEventsButPostgresRefusesItAnUpdateOrDeleteOfAStoredOne() throws SQLException {
        Database appeals = roles.get("appeals");
        execute(
                appeals,
                "INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,"
                        + " event_identifier, payload, payload_type, time_stamp)"
                        + " VALUES ('appeal-2', 0, 'Appeal', 'event-2', '\\x7b7d', 'AppealFiledEvent',"
                        + " '2026-11-28T00:00:01Z')");
        assertThat(count(appeals, "SELECT count(*) FROM event_store.domain_event_entry"))
                .isEqualTo(2);

        for (String change : List.of(
                "UPDATE event_store.domain_event_entry SET payload = '\\x00' WHERE event_identifier = 'event-1'",
                "DELETE FROM event_store.domain_event_entry WHERE event_identifier = 'event-1'",
                "TRUNCATE event_store.domain_event_entry",
                "UPDATE event_store.snapshot_event_entry SET payload = '\\x00'",
                "ALTER TABLE event_store.domain_event_entry DISABLE TRIGGER domain_event_entry_immutable",
                "DROP TRIGGER domain_event_entry_immutable ON event_store.domain_event_entry")) {
            assertThatThrownBy(() -> execute(appeals, change))
                    .as(change)
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                    // PostgreSQL's own check, not the trigger's "events in the event store are immutable"
                    .hasMessageMatching("(?s).*(permission denied|must be owner).*");
        }
        assertThat(count(owner, "SELECT count(*) FROM event_store.domain_event_entry WHERE payload = '\\x7b7d'"))
                .as("the stored events, unchanged")
                .isEqualTo(2);
    }

    /** Issue 22: the read log is append-only for the services; oversight reads it and trims it after its retention. */
    @Test
    void servicesAppendToTheReadLogAndOnlyOversightReadsOrTrimsIt() throws SQLException {
        Database oversight = DatabaseRoles.prepare(owner, List.of("oversight")).get("oversight");
        Database appeals = roles.get("appeals");
        String insert = "INSERT INTO event_store.read_log (read_id, read_at, service, actor, what, route)"
                + " VALUES (gen_random_uuid(), now() - interval '500 days', 'appeals', 'supervisor', 'APPEAL',"
                + " '/api/appeals/{id}')";
        execute(appeals, insert);
        for (String change : List.of(
                "SELECT count(*) FROM event_store.read_log",
                "UPDATE event_store.read_log SET actor = 'nobody'",
                "DELETE FROM event_store.read_log",
                "TRUNCATE event_store.read_log")) {
            assertThatThrownBy(() -> execute(appeals, change))
                    .as(change)
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
        assertThat(count(oversight, "SELECT count(*) FROM event_store.read_log"))
                .isEqualTo(1);
        assertThatThrownBy(() -> execute(oversight, "UPDATE event_store.read_log SET actor = 'nobody'"))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        execute(oversight, "DELETE FROM event_store.read_log WHERE read_at < now() - interval '400 days'");
        assertThat(count(owner, "SELECT count(*) FROM event_store.read_log")).isZero();
    }

    @Test
    void aServiceRoleWritesItsOwnSchemaAndNoOtherServicesNorPublic() throws SQLException {
        execute(roles.get("assignment"), "CREATE TABLE assignment.routed (appeal_id text PRIMARY KEY)");
        Database appeals = roles.get("appeals");
        execute(appeals, "CREATE TABLE appeals.appeal_view (appeal_id text PRIMARY KEY)");
        execute(appeals, "INSERT INTO appeals.appeal_view VALUES ('appeal-1')");

        for (String trespass : List.of(
                "INSERT INTO assignment.routed VALUES ('appeal-1')",
                "SELECT * FROM assignment.routed",
                "CREATE TABLE assignment.intruder (id int)",
                "CREATE TABLE public.intruder (id int)",
                "INSERT INTO meetings.meeting_view VALUES (gen_random_uuid())",
                "CREATE TABLE event_store.intruder (id int)")) {
            assertThatThrownBy(() -> execute(appeals, trespass))
                    .as(trespass)
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void identityReadsNoEventsAndASchemaMigratedBeforeRolesExistedIsHandedToItsService() throws SQLException {
        assertThatThrownBy(() -> count(roles.get("identity"), "SELECT count(*) FROM event_store.domain_event_entry"))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThat(count(
                        owner,
                        "SELECT count(*) FROM pg_tables WHERE schemaname = 'meetings' AND tablename = 'meeting_view'"
                                + " AND tableowner = 'qinqing_meetings'"))
                .isEqualTo(1);
        execute(roles.get("meetings"), "INSERT INTO meetings.meeting_view VALUES (gen_random_uuid())");
    }

    static void execute(Database database, String... statements) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static long count(Database database, String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
