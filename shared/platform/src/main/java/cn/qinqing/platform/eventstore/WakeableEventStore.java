package cn.qinqing.platform.eventstore;

import java.util.Collections;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store with a way to wake its producer from outside: a local commit already wakes it, and
 * {@link PostgresEventNotifications} wakes it when another process commits, instead of waiting for the next poll.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    protected WakeableEventStore(Builder builder) {
        super(builder);
    }

    public static Builder wakeableBuilder() {
        return new Builder();
    }

    /** Fetch new events now, if the producer is idle waiting for its next poll. */
    public void wakeUp() {
        afterCommit(Collections.emptyList());
    }

    public static class Builder extends EmbeddedEventStore.Builder {
        @Override
        public WakeableEventStore build() {
            validate();
            return new WakeableEventStore(this);
        }
    }
}
