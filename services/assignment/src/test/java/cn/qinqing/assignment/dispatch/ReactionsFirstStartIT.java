package cn.qinqing.assignment.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.assignment.AssignmentApplication;
import cn.qinqing.testsupport.ServiceInstances;
import cn.qinqing.testsupport.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A reaction group's first start handles what the store already holds as live events: on a fresh platform (or a
 * first deployment) an appeal can be filed before assignment's routing group ever started, and Axon's default first
 * token would replay it — which a reaction skips, so that appeal would never be routed.
 *
 * <p>Whole instances against this JVM's own database (the failsafe execution "first-start"): the first instance files
 * and routes an appeal; with it stopped, the routing group's tokens are dropped (a group that never started) and a
 * second filing is written to the store; the next instance's routing group starts for the first time after it.
 */
class ReactionsFirstStartIT {

    private final ServiceInstances instances = new ServiceInstances(AssignmentApplication.class, Map.of());

    private final SingleConnectionDataSource database = new SingleConnectionDataSource(
            TestDatabase.get().url() + "?currentSchema=assignment",
            TestDatabase.get().user(),
            "",
            true);

    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    @AfterEach
    void stopAll() {
        instances.close();
        database.destroy();
    }

    @Test
    void anAppealFiledBeforeTheRoutingGroupFirstStartedIsRouted() {
        ConfigurableApplicationContext first = instances.start();
        UUID routedLive = ClockDeadlinesIT.fileForManualDispatch(first);
        await().atMost(Duration.ofSeconds(60)).until(() -> assignmentsOf(routedLive) == 1);
        instances.stop(first);

        jdbc.update("DELETE FROM token_entry WHERE processor_name = 'assignment-routing'");
        UUID filedBefore = UUID.randomUUID();
        // the same filing as the live one, for another appeal: as appeals would have written it meanwhile
        jdbc.update(
                "INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,"
                        + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                        + " SELECT ?, 0, type, ?, meta_data,"
                        + " convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8'),"
                        + " payload_revision, payload_type, time_stamp"
                        + " FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                filedBefore.toString(),
                UUID.randomUUID().toString(),
                routedLive.toString(),
                filedBefore.toString(),
                routedLive.toString());

        instances.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> assignmentsOf(filedBefore) == 1);
        assertThat(assignmentsOf(routedLive))
                .as("the appeal routed before is not routed twice")
                .isEqualTo(1);
    }

    /** How many assignments were opened for the appeal. */
    private long assignmentsOf(UUID appeal) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type ="
                        + " 'cn.qinqing.language.assignment.AssignmentOpenedEvent'"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'appealId' = ?",
                Long.class,
                appeal.toString());
    }
}
