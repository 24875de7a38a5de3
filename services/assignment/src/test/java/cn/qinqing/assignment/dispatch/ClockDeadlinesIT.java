package cn.qinqing.assignment.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.assignment.AssignmentApplication;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.ServiceInstances;
import cn.qinqing.testsupport.TestDatabase;
import cn.qinqing.testsupport.TestIdentityProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The dispatch clock (issue #20) on PostgreSQL through the same persistent deadlines as resolution's SLA (R8 of
 * docs/reliability.md): whole service instances started, stopped and restarted in this JVM against one database. An
 * urgent appeal waiting for manual dispatch is due 8 s after it was queued and warned 4 s before (generous, for a
 * busy two-core machine).
 */
class ClockDeadlinesIT {

    static final Duration LIMIT = Duration.ofSeconds(8);

    private final ServiceInstances instances = new ServiceInstances(AssignmentApplication.class, shortClocks());

    /** The test's own view of the database, which outlives the instances it starts and stops. */
    private final SingleConnectionDataSource database = new SingleConnectionDataSource(
            TestDatabase.get().url() + "?currentSchema=assignment",
            TestDatabase.get().user(),
            "",
            true);

    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    static Map<String, Object> shortClocks() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("qinqing.assignment.dispatch-limits.URGENT", LIMIT.toString());
        properties.put("qinqing.assignment.warning-before", LIMIT.dividedBy(2).toString());
        properties.put("db-scheduler.polling-interval", "PT0.5S");
        return properties;
    }

    @AfterEach
    void stopAll() {
        instances.close();
        database.destroy();
    }

    @Test
    void withTwoInstancesAQueuedAppealIsWarnedOnceBreachedOnceAndEscalatedOnce() {
        ConfigurableApplicationContext one = instances.start();
        ConfigurableApplicationContext two = instances.start();
        theCitysTopLeader(one);
        List<UUID> appeals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            appeals.add(fileForManualDispatch(i % 2 == 0 ? one : two));
        }

        try {
            await().ignoreExceptions().atMost(Duration.ofSeconds(120)).until(() -> appeals.stream()
                    .allMatch(appeal -> escalations(appeal) >= 1));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not escalated: " + story(appeals.get(0)), e);
        }
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);

        for (UUID appeal : appeals) {
            assertThat(clockEvents(appeal))
                    .as("appeal %s", appeal)
                    .containsExactly("DeadlineApproachingEvent DISPATCH", "DeadlineBreachedEvent DISPATCH");
            assertThat(escalations(appeal)).as("one breach, one escalation").isEqualTo(1);
        }
        assertThat(clockActors(appeals.get(0))).containsOnly("system:assignment");
        // nothing left to fire: a firing that lost a race with the other instance is tried again within seconds
        // (ADR 0006), not in db-scheduler's default five minutes
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", Long.class)
                        == 0);
    }

    @Test
    void aClockThatRanOutWhileNoInstanceRanIsWarnedAndBreachedOnceOnTheNextStart() throws InterruptedException {
        ConfigurableApplicationContext first = instances.start();
        UUID appeal = fileForManualDispatch(first);
        // queued, and its deadlines scheduled in the same transaction
        Instant due = await().ignoreExceptions()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> Instant.parse(jdbc.queryForObject(
                                "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'dispatchDueAt'"
                                        + " FROM event_store.domain_event_entry WHERE payload_type ="
                                        + " 'cn.qinqing.language.assignment.AppealQueuedForDispatchEvent'"
                                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ?",
                                String.class,
                                appeal.toString())),
                        java.util.Objects::nonNull);
        instances.stop(first);

        assertThat(due)
                .as("queued under this test's limits, so by an instance this test started")
                .isBefore(Instant.now().plus(LIMIT.multipliedBy(2)));
        Thread.sleep(
                Math.max(0, Duration.between(Instant.now(), due).plusSeconds(2).toMillis()));
        assertThat(clockEvents(appeal))
                .as("nothing ran while the service was down")
                .isEmpty();

        instances.start();

        await().ignoreExceptions().atMost(Duration.ofSeconds(90)).until(() -> clockEvents(appeal)
                .contains("DeadlineBreachedEvent DISPATCH"));
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(clockEvents(appeal))
                .as("late, but once; no warning once the clock ran out")
                .containsExactly("DeadlineBreachedEvent DISPATCH");
    }

    /**
     * The mayor, whom a breach of an appeal nobody holds (no leader in charge, no department, no liaison leader) goes
     * to, registered by the admin through the API; both instances read the directory from the same tables.
     */
    static void theCitysTopLeader(ConfigurableApplicationContext instance) {
        HttpApi api = HttpApi.local(ServiceInstances.port(instance));
        String admin = TestIdentityProvider.get().withRole("admin", "ADMIN");
        for (var created : List.of(
                api.post("/api/assignment/departments")
                        .token(admin)
                        .body(Map.of("departmentId", "city", "name", "市委市政府")),
                api.post("/api/assignment/leaders")
                        .token(admin)
                        .body(Map.of(
                                "leaderId",
                                "mayor",
                                "name",
                                "周市长",
                                "title",
                                "市长",
                                "rank",
                                "MAYOR",
                                "departmentId",
                                "city")))) {
            var answer = created.send();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        }
    }

    /** Files an urgent appeal whose enterprise asked for manual dispatch, as the appeals service would. */
    static UUID fileForManualDispatch(ConfigurableApplicationContext instance) {
        UUID appeal = UUID.randomUUID();
        instance.getBean(EventStore.class)
                .publish(new GenericDomainEventMessage<>(
                        "Appeal",
                        appeal.toString(),
                        0,
                        new AppealFiledEvent(
                                appeal,
                                "91150200MA0QA0001T",
                                "变电站增容审批",
                                "新建切片车间需要增容",
                                AppealCategory.POWER,
                                Urgency.URGENT,
                                List.of(),
                                AppealSource.ONLINE,
                                null,
                                true,
                                Instant.now()),
                        Map.of(MetadataKeys.ACTOR, "user-a", MetadataKeys.ROLE, "ENTERPRISE")));
        return appeal;
    }

    /** The clock events of an appeal in the order stored: the event's simple name and the clock's kind. */
    List<String> clockEvents(UUID appeal) {
        return jdbc.queryForList(
                "SELECT substring(payload_type from '[^.]+$') || ' ' || (convert_from(payload, 'UTF8')::jsonb ->> 'kind')"
                        + " FROM event_store.domain_event_entry"
                        + " WHERE payload_type IN ('cn.qinqing.language.resolution.DeadlineApproachingEvent',"
                        + " 'cn.qinqing.language.resolution.DeadlineBreachedEvent')"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ? ORDER BY global_index",
                String.class,
                appeal.toString());
    }

    List<String> clockActors(UUID appeal) {
        return jdbc.queryForList(
                "SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM event_store.domain_event_entry"
                        + " WHERE payload_type LIKE 'cn.qinqing.language.resolution.Deadline%'"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ?",
                String.class, appeal.toString());
    }

    /** What the store and the scheduler hold for an appeal, for a failure's message. */
    String story(UUID appeal) {
        return jdbc.queryForList(
                        "SELECT payload_type FROM event_store.domain_event_entry"
                                + " WHERE convert_from(payload, 'UTF8') LIKE ? ORDER BY global_index",
                        String.class,
                        "%" + appeal + "%")
                + " scheduled: "
                + jdbc.queryForList("SELECT task_name || ' ' || task_instance FROM scheduled_tasks", String.class)
                + " dead letters: "
                + jdbc.queryForList(
                        "SELECT processing_group || ' ' || cause_message FROM dead_letter_entry", String.class);
    }

    int escalations(UUID appeal) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry"
                        + " WHERE payload_type = 'cn.qinqing.language.assignment.AppealEscalatedEvent'"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ?",
                Integer.class,
                appeal.toString());
    }
}
