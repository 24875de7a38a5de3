package cn.qinqing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.UnifiedSocialCreditCode;
import cn.qinqing.language.enterprise.Contact;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.platform.eventstore.PostgresEventNotifications;
import cn.qinqing.platform.eventstore.WakeableEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The LISTEN connection that wakes the processors when another process commits events (issue 15): when its backend is
 * killed, it is opened again on its own, the gauge and the health component say so, and an event committed after that
 * reaches the processors through a notification, not through the fallback poll.
 *
 * <p>To tell the notification from the poll without a timed threshold, the test runs a second listener, as another
 * instance of the service would, over an event store whose poll is ten minutes away: anything it sees within the
 * test's wait came through LISTEN. The service's own listener is killed with it and must come back the same way.
 */
class EventNotificationsIT extends AssignmentApiTestBase {

    private static final Logger log = LoggerFactory.getLogger(EventNotificationsIT.class);

    @Autowired
    DataSource dataSource;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    PostgresEventNotifications notifications;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("eventNotificationsHealthIndicator")
    HealthIndicator health;

    @Test
    void aKilledListenBackendIsListeningAgainAndAnEventCommittedAfterwardsWakesTheProcessors() throws Exception {
        WakeableEventStore store = (WakeableEventStore) WakeableEventStore.wakeableBuilder()
                .coalesce(0, TimeUnit.MILLISECONDS)
                .storageEngine(storageEngine)
                .fetchDelay(Duration.ofMinutes(10).toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
        PostgresEventNotifications listener = new PostgresEventNotifications(dataSource, store);
        TrackingEventStream stream = store.openStream(store.createHeadToken());
        AtomicLong callbacks = new AtomicLong();
        try {
            // a processor's coordinator: called back when events are available
            assertThat(stream.setOnAvailableCallback(callbacks::incrementAndGet))
                    .isTrue();
            listener.start();
            await().until(() -> listener.listening() && notifications.listening());
            long serviceReconnects = notifications.reconnects();

            var killed = jdbc.queryForList(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()",
                    Boolean.class);
            assertThat(killed)
                    .as("the service's listening backend and the second one")
                    .hasSizeGreaterThanOrEqualTo(2);

            await().atMost(Duration.ofSeconds(30)).until(() -> listener.reconnects() == 1 && listener.listening());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> notifications.reconnects() > serviceReconnects && notifications.listening());
            assertThat(meters.get("qinqing.event.notifications.listening")
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
            var status = health.health();
            assertThat(status.getStatus()).isEqualTo(Status.UP);
            assertThat(status.getDetails()).containsEntry("listening", true);

            long received = listener.received();
            long callbacksBefore = callbacks.get();
            String uscc = "91150200MA0RW2000" + UnifiedSocialCreditCode.checkCharacter("91150200MA0RW2000");
            // committed by this service's own store: the second one learns of it only through a notification
            publish(
                    new EnterpriseRegisteredEvent(
                            uscc,
                            "包头重连光伏有限公司",
                            IndustryChainPosition.CELL,
                            "昆都仑区",
                            new Contact("王经理", "0472-5550101", null),
                            Instant.now()),
                    "admin",
                    "ADMIN");
            long committed = System.nanoTime();
            long index = jdbc.queryForObject(
                    "SELECT max(global_index) FROM event_store.domain_event_entry"
                            + " WHERE payload_type LIKE '%.EnterpriseRegisteredEvent'",
                    Long.class);

            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> store.lastSeenIndex() >= index);
            log.info(
                    "After the LISTEN connection was re-established, another store had an event {} ms after its commit"
                            + " (its own poll is 10 min away)",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed));
            assertThat(listener.received())
                    .as("notifications on the new connection")
                    .isGreaterThan(received);
            assertThat(callbacks.get())
                    .as("the coordinator was called back, no 500 ms tick")
                    .isGreaterThan(callbacksBefore);
            // and the service's own processors, whose listener was killed too, have it in their view
            await().until(() -> api.get("/api/assignment/enterprises/" + uscc)
                            .token(admin)
                            .send()
                            .status()
                    == 200);
        } finally {
            stream.close();
            listener.stop();
            store.shutDown();
        }
    }
}
