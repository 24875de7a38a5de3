package cn.qinqing.resolution.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.resolution.ResolutionApplication;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.ServiceInstances;
import cn.qinqing.testsupport.TestDatabase;
import cn.qinqing.testsupport.TestIdentityProvider;
import com.github.kagkarlsson.scheduler.task.AbstractTask;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * SLA deadlines on PostgreSQL through Axon's DbSchedulerDeadlineManager, with whole service instances started,
 * stopped and restarted in this JVM against one database. The clock is plain elapsed time with an SLA day of 15
 * seconds (generous, for a busy two-core machine): first contact is due 15 s after the sign-for, an urgent answer
 * 30 s after it; the department is warned one SLA day ahead, or halfway through a shorter window: 7.5 s and 15 s after
 * the sign-for.
 */
class SlaDeadlinesIT {

    static final Duration DAY = Duration.ofSeconds(15);
    static final String DEPARTMENT = "industry-it";

    private final ServiceInstances instances = new ServiceInstances(ResolutionApplication.class, shortClocks());

    /** The test's own view of the database, which outlives the instances it starts and stops. */
    private final SingleConnectionDataSource database = new SingleConnectionDataSource(
            TestDatabase.get().url() + "?currentSchema=resolution",
            TestDatabase.get().user(),
            "",
            true);

    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    static Map<String, Object> shortClocks() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("qinqing.resolution.sla.clock", "ELAPSED");
        properties.put("qinqing.resolution.sla.day", DAY.toString());
        properties.put("qinqing.resolution.sla.first-contact-days", "1");
        properties.put("qinqing.resolution.sla.resolution-days.EMERGENCY", "1");
        properties.put("qinqing.resolution.sla.resolution-days.URGENT", "2");
        properties.put("qinqing.resolution.sla.resolution-days.NORMAL", "3");
        properties.put("db-scheduler.polling-interval", "PT0.5S");
        return properties;
    }

    @AfterEach
    void stopAll() {
        instances.close();
        database.destroy();
    }

    @Test
    void aDeadlineThatCameDueWhileNoInstanceRanFiresOnTheNextStart() throws InterruptedException {
        ConfigurableApplicationContext first = instances.start();
        Instant signedAt = Instant.now();
        UUID appeal = signFor(first, Urgency.URGENT, signedAt);
        awaitCaseFile(jdbc, appeal);
        instances.stop(first);

        Thread.sleep(Duration.between(Instant.now(), signedAt.plus(DAY))
                .plusSeconds(2)
                .toMillis());
        assertThat(breaches(jdbc, appeal))
                .as("nothing ran while the service was down")
                .isEmpty();

        instances.start();

        await().ignoreExceptions().atMost(Duration.ofSeconds(90)).until(() -> breaches(jdbc, appeal)
                .contains("FIRST_CONTACT"));
        assertThat(breaches(jdbc, appeal)).containsOnlyOnce("FIRST_CONTACT");
        await().ignoreExceptions().atMost(Duration.ofSeconds(90)).until(() -> breaches(jdbc, appeal)
                .contains("RESOLUTION"));
        assertThat(breachActors(jdbc, appeal))
                .as("the breach is the system's doing, not the official's who signed")
                .containsOnly("system:resolution");
    }

    @Test
    void withTwoInstancesRunningEveryDeadlineFiresExactlyOnce() {
        ConfigurableApplicationContext one = instances.start();
        ConfigurableApplicationContext two = instances.start();
        assertThat(two.getBeansOfType(Task.class).values())
                .filteredOn(task -> task.getName().equals("AxonDeadline"))
                .singleElement()
                .extracting(task -> ((AbstractTask<?>) task).getFailureHandler())
                .as("a firing that failed is tried again in a second, not in db-scheduler's five minutes")
                .isNotInstanceOf(FailureHandler.OnFailureRetryLater.class)
                .extracting(handler -> handler.getClass().getSimpleName())
                .isEqualTo("RetrySoon");
        List<UUID> appeals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            appeals.add(signFor(i % 2 == 0 ? one : two, Urgency.URGENT, Instant.now()));
        }

        await().ignoreExceptions().atMost(Duration.ofSeconds(120)).until(() -> appeals.stream()
                .allMatch(appeal -> breaches(jdbc, appeal).size() >= 2));
        // a firing that lost a race with the other instance (a warning and a breach of one case file both due at
        // 15 s) is tried again within seconds, not db-scheduler's default five minutes
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", Long.class)
                        == 0);
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);

        for (UUID appeal : appeals) {
            assertThat(breaches(jdbc, appeal)).containsExactlyInAnyOrder("FIRST_CONTACT", "RESOLUTION");
        }
    }

    @Test
    void anAnswerCancelsTheClocksAndAPauseHoldsThemUntilResumed() throws InterruptedException {
        ConfigurableApplicationContext instance = instances.start();
        HttpApi api = HttpApi.local(ServiceInstances.port(instance));
        String official = TestIdentityProvider.get().official("official", DEPARTMENT);

        UUID answered = signFor(instance, Urgency.URGENT, Instant.now());
        UUID paused = signFor(instance, Urgency.URGENT, Instant.now());
        awaitCaseFile(jdbc, answered);
        awaitCaseFile(jdbc, paused);
        assertThat(api.post("/api/resolution/case-files/" + answered + "/answer")
                        .token(official)
                        .header("If-Match", "\"0\"")
                        .body(Map.of("answer", "已办结", "outcome", "SOLVED"))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/resolution/case-files/" + paused + "/pause")
                        .token(official)
                        .header("If-Match", "\"0\"")
                        .body(Map.of("reason", "等待企业补充材料"))
                        .send()
                        .status())
                .isEqualTo(200);

        Thread.sleep(DAY.multipliedBy(2).plusSeconds(3).toMillis());
        assertThat(breaches(jdbc, answered)).as("answered in time").isEmpty();
        assertThat(breaches(jdbc, paused)).as("the clock stood still").isEmpty();

        assertThat(api.post("/api/resolution/case-files/" + paused + "/resumption")
                        .token(official)
                        .header("If-Match", "\"1\"")
                        .send()
                        .status())
                .isEqualTo(200);
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(90))
                .until(() -> breaches(jdbc, paused).size() == 2);
        assertThat(breaches(jdbc, answered)).isEmpty();
    }

    @Test
    void theDepartmentIsWarnedOnceOfEachClockBeforeItRunsOut() {
        ConfigurableApplicationContext instance = instances.start();
        UUID appeal = signFor(instance, Urgency.URGENT, Instant.now());

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(90))
                .until(() -> breaches(jdbc, appeal).size() == 2);
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);

        assertThat(warnings(jdbc, appeal))
                .as("first contact and the answer, each warned once, before it ran out")
                .containsExactlyInAnyOrder("FIRST_CONTACT", "RESOLUTION");
        assertThat(jdbc.queryForList(
                        "SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'warnedAt')::timestamptz"
                                + " < (convert_from(payload, 'UTF8')::jsonb ->> 'dueAt')::timestamptz"
                                + " FROM event_store.domain_event_entry WHERE payload_type = ?"
                                + " AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ?",
                        Boolean.class,
                        WARNING,
                        appeal.toString()))
                .containsOnly(true);
        assertThat(jdbc.queryForList(
                        "SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM event_store.domain_event_entry"
                                + " WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ?",
                        String.class,
                        WARNING,
                        appeal.toString()))
                .containsOnly("system:resolution");
    }

    static final String WARNING = "cn.qinqing.language.resolution.DeadlineApproachingEvent";

    /** The kinds of the warnings (临期预警) published for an appeal, one entry per event. */
    static List<String> warnings(JdbcTemplate jdbc, UUID appeal) {
        return jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'kind' FROM event_store.domain_event_entry"
                        + " WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ?",
                String.class,
                WARNING,
                appeal.toString());
    }

    /** Files an appeal and has the department sign for it, as the appeals and assignment services would. */
    static UUID signFor(ConfigurableApplicationContext instance, Urgency urgency, Instant signedAt) {
        EventStore store = instance.getBean(EventStore.class);
        UUID appeal = UUID.randomUUID();
        store.publish(new GenericDomainEventMessage<>(
                "Appeal",
                appeal.toString(),
                0,
                new AppealFiledEvent(
                        appeal,
                        "91150200MA0QA0001T",
                        "变电站增容审批",
                        "新建切片车间需要增容",
                        AppealCategory.POWER,
                        urgency,
                        List.of(),
                        AppealSource.ONLINE,
                        null,
                        false,
                        signedAt),
                Map.of(MetadataKeys.ACTOR, "user-a", MetadataKeys.ROLE, "ENTERPRISE")));
        store.publish(new GenericDomainEventMessage<>(
                "Assignment",
                "assignment-" + appeal,
                0,
                new AppealSignedForEvent(appeal, DEPARTMENT, "official", signedAt, true),
                Map.of(MetadataKeys.ACTOR, "official", MetadataKeys.ROLE, "OFFICIAL")));
        return appeal;
    }

    static void awaitCaseFile(JdbcTemplate jdbc, UUID appeal) {
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM case_file_view WHERE appeal_id = ?", Long.class, appeal)
                        == 1);
    }

    /** The kinds of the deadline breaches recorded for an appeal, one entry per event. */
    static List<String> breaches(JdbcTemplate jdbc, UUID appeal) {
        return jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'kind' FROM event_store.domain_event_entry"
                        + " WHERE payload_type = 'cn.qinqing.language.resolution.DeadlineBreachedEvent'"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ?",
                String.class,
                appeal.toString());
    }

    static List<String> breachActors(JdbcTemplate jdbc, UUID appeal) {
        return jdbc.queryForList(
                "SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM event_store.domain_event_entry"
                        + " WHERE payload_type = 'cn.qinqing.language.resolution.DeadlineBreachedEvent'"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ?",
                String.class,
                appeal.toString());
    }
}
