package cn.qinqing.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WakeableEventStoreTest {

    private final WakeableEventStore store = (WakeableEventStore) WakeableEventStore.wakeableBuilder()
            .coalesce(0, TimeUnit.MILLISECONDS)
            .storageEngine(new InMemoryEventStorageEngine())
            // the producer's poll: far longer than the test waits, so only a wake-up can deliver in time
            .fetchDelay(60_000)
            .timeUnit(TimeUnit.MILLISECONDS)
            .build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aStreamCallsItsProcessorBackWhenEventsArriveInsteadOfLeavingItToASchedule() throws Exception {
        TrackingEventStream stream = store.openStream(null);
        CountDownLatch available = new CountDownLatch(1);

        assertThat(stream.setOnAvailableCallback(available::countDown))
                .as("the coordinator waits for the call instead of polling every 500 ms")
                .isTrue();
        store.publish(GenericEventMessage.asEventMessage("filed"));

        assertThat(available.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("filed");
        assertThat(store.signals()).isPositive();
        stream.close();
    }

    @Test
    void aClosedStreamIsNotCalledBack() throws Exception {
        TrackingEventStream stream = store.openStream(null);
        CountDownLatch available = new CountDownLatch(1);
        stream.setOnAvailableCallback(available::countDown);
        stream.close();

        store.publish(GenericEventMessage.asEventMessage("filed"));

        assertThat(available.await(300, TimeUnit.MILLISECONDS)).isFalse();
    }
}
