package cn.qinqing.launcher;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Least privilege in PostgreSQL (issue #9): every service that keeps data connects as a role of its own, which owns
 * its schema (it migrates and writes there, and nowhere else) and may only read and append to the event store: SELECT
 * and INSERT, never UPDATE, DELETE or TRUNCATE. The event store's own migrations run here, once, as the database's
 * owner (the user the launcher was given), before any service starts; a service's role can read their history but not
 * change the event store's tables.
 *
 * <p>Each start gives every role a new random password, handed to its service in its environment only. The roles are
 * {@code qinqing_<service>}; PostgreSQL keeps roles per server, not per database.
 */
public final class DatabaseRoles {

    /** The services that keep data, each in the schema of its name, and whether it reads and appends to events. */
    static final Map<String, Boolean> EVENT_STORE_ACCESS = orderedMap(
            // the portal keeps only its sessions (Spring Session JDBC), so that several instances share them
            "portal", false,
            "identity", false,
            "appeals", true,
            "assignment", true,
            "resolution", true,
            "meetings", true,
            "oversight", true,
            "notifications", true,
            "projects", true);

    static final String EVENT_STORE = "event_store";
    static final String READ_LOG = EVENT_STORE + ".read_log";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseRoles() {}

    /** The role a service connects as. */
    public static String role(String service) {
        return "qinqing_" + service;
    }

    /** Whether the database's user may create roles and hand schemas to them (a superuser). */
    public static boolean canCreateRoles(Database owner) {
        try (Connection connection = owner.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Migrates the event store as the owner, then creates or updates the role of each of {@code services} that keeps
     * data, gives it its schema and its rights, and returns its credentials (services that keep no data are left out:
     * they connect as nobody in particular).
     */
    public static Map<String, Database> prepare(Database owner, Collection<String> services) {
        migrateEventStore(owner);
        Map<String, Database> credentials = new LinkedHashMap<>();
        try (Connection connection = owner.connect();
                Statement statement = connection.createStatement()) {
            // nobody creates objects in the public schema (PostgreSQL 14 and older let everybody)
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            for (String service : services) {
                Boolean events = EVENT_STORE_ACCESS.get(service);
                if (events == null) {
                    continue;
                }
                String password = HexFormat.of().formatHex(randomBytes());
                for (String sql : grants(service, events, password)) {
                    statement.execute(sql);
                }
                credentials.put(service, new Database(owner.url(), role(service), password));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not set up the services' database roles as " + owner.user() + ": " + e.getMessage(), e);
        }
        return credentials;
    }

    /** The statements that give {@code service}'s role what it needs and nothing more, in order. */
    static List<String> grants(String service, boolean eventStore, String password) {
        String role = role(service);
        String schema = service;
        List<String> sql = new java.util.ArrayList<>(List.of(
                "DO $$ BEGIN CREATE ROLE " + role + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                        + password + "'",
                "CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role,
                "ALTER SCHEMA " + schema + " OWNER TO " + role,
                // a schema that an earlier version migrated as the owner: its objects become the role's
                reassign(schema, role)));
        if (eventStore) {
            String events = EVENT_STORE + ".domain_event_entry";
            String snapshots = EVENT_STORE + ".snapshot_event_entry";
            sql.addAll(List.of(
                    "GRANT USAGE ON SCHEMA " + EVENT_STORE + " TO " + role,
                    "REVOKE ALL ON " + events + ", " + snapshots + " FROM " + role,
                    "GRANT SELECT, INSERT ON " + events + ", " + snapshots + " TO " + role,
                    "GRANT USAGE ON SEQUENCE " + EVENT_STORE + ".domain_event_entry_global_index_seq TO " + role,
                    // the service's Flyway finds the event store migrated and leaves it alone
                    "GRANT SELECT ON " + EVENT_STORE + ".flyway_schema_history TO " + role,
                    // the read log (issue 22, ADR 0011): every service appends the reads it answered; only oversight
                    // reads it for supervisors and deletes what is past its retention
                    "REVOKE ALL ON " + READ_LOG + " FROM " + role,
                    service.equals("oversight")
                            ? "GRANT SELECT, INSERT, DELETE ON " + READ_LOG + " TO " + role
                            : "GRANT INSERT ON " + READ_LOG + " TO " + role));
        }
        return sql;
    }

    private static String reassign(String schema, String role) {
        return """
                DO $$
                DECLARE o record;
                BEGIN
                  FOR o IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = '%1$s' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                             AND pg_get_userbyid(c.relowner) <> '%2$s'
                             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid
                                             AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
                  LOOP
                    EXECUTE format('ALTER TABLE %%I.%%I OWNER TO %%I', '%1$s', o.relname, '%2$s');
                  END LOOP;
                  FOR o IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                           JOIN pg_namespace n ON n.oid = p.pronamespace
                           WHERE n.nspname = '%1$s' AND pg_get_userbyid(p.proowner) <> '%2$s'
                  LOOP
                    EXECUTE format('ALTER ROUTINE %%s OWNER TO %%I', o.signature, '%2$s');
                  END LOOP;
                END $$"""
                .formatted(schema, role);
    }

    /** The event store's migrations (in the platform's jar), as the owner, before any service runs them. */
    static void migrateEventStore(Database owner) {
        Flyway.configure()
                .dataSource(owner.url(), owner.user(), owner.password())
                .schemas(EVENT_STORE)
                .defaultSchema(EVENT_STORE)
                .createSchemas(true)
                .locations("classpath:db/event-store")
                .load()
                .migrate();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Map<String, Boolean> orderedMap(Object... entries) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], (Boolean) entries[i + 1]);
        }
        return map;
    }
}
