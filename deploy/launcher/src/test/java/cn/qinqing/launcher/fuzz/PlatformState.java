package cn.qinqing.launcher.fuzz;

import cn.qinqing.launcher.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the platform holds, as far as a refused request could change it: the event store's head and the row count of
 * every table of every service's schema (read models, idempotency keys, dead letters, tokens, users and clients).
 */
record PlatformState(long eventStoreHead, Map<String, Long> rows) {

    /**
     * Tables written on a schedule rather than by requests: oversight freezes last month's ranking 30 s after it starts
     * and every 10 minutes after that.
     */
    static final Set<String> SCHEDULED = Set.of("oversight.ranking_freeze", "oversight.ranking_frozen_row");

    /**
     * Spring Session's tables (portal and identity, issue 18): a refused request to a page still opens an anonymous
     * session to remember where to return after sign-in. That is the web tier's memory, not what the platform holds.
     */
    static boolean isSessionStore(String table) {
        return table.endsWith(".spring_session") || table.endsWith(".spring_session_attributes");
    }

    /**
     * The platform's read log (ADR 0011): every read a caller was allowed is recorded there, the fuzzer's successful
     * GETs included. It is the record of reads, not what a refused write could change.
     */
    static boolean isReadLog(String table) {
        return table.equals("event_store.read_log");
    }

    /** Reads the state; tries again for a while when the server has no connection to spare (a shared machine). */
    static PlatformState of(Database database) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read(database);
            } catch (IllegalStateException e) {
                if (attempt == 30) {
                    throw e;
                }
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static PlatformState read(Database database) {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            long head;
            try (ResultSet result = statement.executeQuery(
                    "SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")) {
                result.next();
                head = result.getLong(1);
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT table_schema || '.' || table_name"
                    + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            Map<String, Long> rows = new TreeMap<>();
            for (String table : tables) {
                if (SCHEDULED.contains(table) || isSessionStore(table) || isReadLog(table)) {
                    continue;
                }
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    result.next();
                    rows.put(table, result.getLong(1));
                }
            }
            return new PlatformState(head, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the platform's state", e);
        }
    }

    /** The tables whose counts differ, with both counts, and the event store's head if it moved. */
    List<String> differences(PlatformState after) {
        List<String> differences = new ArrayList<>();
        if (after.eventStoreHead != eventStoreHead) {
            differences.add("event store head " + eventStoreHead + " → " + after.eventStoreHead);
        }
        for (String table : after.rows.keySet()) {
            Long before = rows.get(table);
            if (!after.rows.get(table).equals(before)) {
                differences.add(table + " " + before + " → " + after.rows.get(table));
            }
        }
        return differences;
    }
}
