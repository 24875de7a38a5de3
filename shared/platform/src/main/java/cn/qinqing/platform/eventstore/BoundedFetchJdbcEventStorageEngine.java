package cn.qinqing.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SortedSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The JDBC storage engine, with the embedded store's producer reading at most {@code fetchLimit} events per fetch.
 *
 * <p>The producer (the only reader that asks for a stream that may block) reads the store to its head in one fetch,
 * and keeps the node it started from in a local variable until that fetch returns: every event read meanwhile stays
 * reachable through the cache's links. A million events arriving at once were half a million live messages and an
 * out-of-memory error in a 256 MiB service. Bounded, a fetch returns after {@code fetchLimit} events and the producer
 * fetches again at once from where it stopped, so nothing is lost or delayed; the processors' private streams (which
 * do not block) read as before.
 *
 * <p>It also looks for timed-out gaps in a few rows at a time. Axon reads every row from a token's first gap to its
 * last to find those older than the gap timeout, and stops at the first younger row; with recent gaps thousands of
 * events apart, every fetch of every processor would read those thousands of rows again for as long as the gaps stay
 * recent. The rows are read in order, which Axon's loop over them assumes (its query has no ORDER BY); a token with
 * more old gaps than fit in those rows is cleaned further on the next fetch.
 */
class BoundedFetchJdbcEventStorageEngine extends JdbcEventStorageEngine {

    static final int CLEAN_GAPS_ROWS = 64;

    private final int fetchLimit;

    BoundedFetchJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, int fetchLimit) {
        super(builder);
        this.fetchLimit = fetchLimit;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(fetchLimit) : events;
    }

    @Override
    protected PreparedStatement cleanGaps(Connection connection, SortedSet<Long> gaps) throws SQLException {
        String index = schema().globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement("SELECT " + index + ", "
                + schema().timestampColumn() + " FROM " + schema().domainEventTable() + " WHERE " + index
                + " >= ? AND " + index + " <= ? ORDER BY " + index + " ASC LIMIT " + CLEAN_GAPS_ROWS);
        statement.setLong(1, gaps.first());
        statement.setLong(2, gaps.last() + 1);
        return statement;
    }
}
