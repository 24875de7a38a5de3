package cn.qinqing.platform.eventstore;

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
 */
class BoundedFetchJdbcEventStorageEngine extends JdbcEventStorageEngine {

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
}
