package cn.qinqing.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the services recorded in the shared event store, read straight from its table: the end-to-end tests count
 * events there (a breach recorded once, one escalation) instead of trusting a read model that would hide a duplicate.
 * One connection, opened on first use and kept, so that polling does not need a new one each time from a server whose
 * connections the platform's services share.
 */
final class StoredEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private Connection connection;

    StoredEvents(Database database) {
        this.database = database;
    }

    private synchronized Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        }
        return connection;
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    /**
     * The payloads of the events of one type about one appeal, in the order of the store.
     *
     * @param type the event's simple name in the published language, such as {@code resolution.DeadlineBreachedEvent}
     */
    List<JsonNode> about(UUID appealId, String type) {
        String sql = "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry"
                + " WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ?"
                + " ORDER BY global_index";
        List<JsonNode> payloads = new ArrayList<>();
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            statement.setString(1, "cn.qinqing.language." + type);
            statement.setString(2, appealId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    payloads.add(JSON.readTree(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return payloads;
    }

    /** How many rows a query on the shared database counts, such as the deadlines db-scheduler still holds. */
    long count(String sql, Object... parameters) {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql, e);
        }
    }
}
