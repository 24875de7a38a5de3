package cn.qinqing.launcher.fuzz;

import cn.qinqing.launcher.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Identifiers of aggregates that exist, by aggregate type, read from the event store (R9): every service appends to
 * one store, so an id copied from one kind of aggregate may be sent to the commands of another. Only UUIDs: the
 * directory's ids (departments, leaders, officials, liaisons) are prefixed strings that no UUID path takes.
 */
record AggregateIds(Map<String, List<String>> byType) {

    /** Up to {@code perType} of the oldest aggregates of each type. */
    static AggregateIds read(Database database, int perType) {
        Map<String, List<String>> byType = new TreeMap<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT type, aggregate_identifier FROM ("
                        + " SELECT type, aggregate_identifier,"
                        + " row_number() OVER (PARTITION BY type ORDER BY global_index) AS n"
                        + " FROM event_store.domain_event_entry WHERE sequence_number = 0 AND type IS NOT NULL) s"
                        + " WHERE n <= " + perType + " ORDER BY type, n")) {
            while (rows.next()) {
                String id = rows.getString(2);
                if (isUuid(id)) {
                    byType.computeIfAbsent(rows.getString(1), t -> new ArrayList<>())
                            .add(id);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the aggregates of the event store", e);
        }
        return new AggregateIds(byType);
    }

    /**
     * The aggregate type whose identifier the path's first UUID names: a meeting's for {@code /api/meetings/{id}…}, a
     * key project's for {@code /api/projects/{id}…}, a market post's or match's for {@code /api/markets/…/{id}…}, an appeal's for the appeals API and for assignment and resolution,
     * which derive their assignment and case file from the appeal's id; null when it names no aggregate of its own.
     */
    static String kindOf(Operation operation) {
        String path = operation.path();
        if (path.startsWith("/api/meetings/{")) return "BreakfastMeeting";
        if (path.startsWith("/api/projects/{")) return "KeyProject";
        if (path.startsWith("/api/markets/posts/{")) return "MarketPost";
        if (path.startsWith("/api/markets/matches/{")) return "MarketMatch";
        if (path.startsWith("/api/assignment/routing-rules/{")) return "RoutingRule";
        if (path.startsWith("/api/appeals/{")
                || path.startsWith("/api/assignment/appeals/{")
                || path.startsWith("/api/resolution/case-files/{")) {
            return "Appeal";
        }
        return null;
    }

    /** One existing id of each type but {@code kind}'s (which may be null: then of every type). */
    Map<String, String> oneOfEachOtherType(String kind) {
        Map<String, String> ids = new TreeMap<>();
        byType.forEach((type, list) -> {
            if (!type.equals(kind) && !list.isEmpty()) ids.put(type, list.get(0));
        });
        return ids;
    }

    /** An existing id of another type than {@code kind}, or null when the store holds none. */
    String otherThan(String kind, Random random) {
        List<String> types =
                byType.keySet().stream().filter(t -> !t.equals(kind)).toList();
        if (types.isEmpty()) return null;
        List<String> ids = byType.get(types.get(random.nextInt(types.size())));
        return ids.get(random.nextInt(ids.size()));
    }

    /** Any existing id of any type, or null. */
    String any(Random random) {
        return otherThan(null, random);
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
