package cn.qinqing.assignment.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.assignment.AssignmentApiTestBase;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.Urgency;
import cn.qinqing.platform.PlatformDefaults;
import cn.qinqing.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * R7 of issue #9: two instances of the assignment service on one database (this test's, and its jar as another
 * process) split the segments of their processors (each starts with one, which the instance holding it splits when
 * the second arrives); the other process is killed with SIGKILL in the middle of a stream
 * of filings; this instance takes its segments over once their claims time out, and the routing reaction, whose
 * commands are the side effect, opens exactly one assignment per appeal.
 */
class TwoInstancesIT extends AssignmentApiTestBase {

    static final String ROUTING = "assignment-routing";
    static final String VIEW = "assignment-assignments";
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    Environment environment;

    @Test
    void theInstancesSplitTheSegmentsAndTheSurvivorOfAKillTakesOverWithoutRoutingAnAppealTwice() {
        String me = environment.getRequiredProperty(PlatformDefaults.INSTANCE);
        Path jar = ServiceProcess.root().resolve("services/assignment/target/qinqing-assignment.jar");
        List<UUID> appeals = new ArrayList<>();
        double takeover;
        try (ServiceProcess other = ServiceProcess.start(jar, "assignment-2")) {
            // the routing reaction and a view: each starts with one segment, split in two when the second arrives
            awaitSharedByBoth(ROUTING, me, Duration.ofSeconds(90));
            awaitSharedByBoth(VIEW, me, Duration.ofSeconds(60));

            appeals.addAll(fileFromManyEnterprises(20));
            other.kill();
            long killed = System.nanoTime();
            // filings keep coming while the killed instance's claims are still in the token store
            appeals.addAll(fileFromManyEnterprises(20));

            await().atMost(CLAIM_TIMEOUT.multipliedBy(4))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> holdsEverySegment(ROUTING, me));
            takeover = (System.nanoTime() - killed) / 1e9;
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(opened(appeals)).isEqualTo(appeals.size()));
        assertThat(takeover)
                .as(
                        "taken over within the claim timeout (%s) and a claim interval, with room for a busy machine",
                        CLAIM_TIMEOUT)
                .isLessThan(CLAIM_TIMEOUT.toSeconds() + 2 + 10);
        for (UUID appeal : appeals) {
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?"
                                    + " AND payload_type = 'cn.qinqing.language.assignment.AssignmentOpenedEvent'",
                            Long.class,
                            Ids.derive("assignment", appeal.toString()).toString()))
                    .as("assignments opened for appeal %s", appeal)
                    .isEqualTo(1);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class, ROUTING))
                .as("routings that failed (a second command for one appeal would)")
                .isZero();
        System.out.printf(
                "[r7] assignment instance killed with SIGKILL; its segments taken over after %.1f s (claim timeout %d"
                        + " s); %d appeals filed across the kill, %d assignments opened, none twice, no dead letter%n",
                takeover, CLAIM_TIMEOUT.toSeconds(), appeals.size(), opened(appeals));
    }

    private void awaitSharedByBoth(String processor, String me, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(owners(processor))
                .as("each instance holds a segment of %s", processor)
                .hasSize(2)
                .contains(me));
        assertThat(claims(processor)).as("the segments of %s", processor).hasSize(2);
        System.out.printf("[r7] segments of %s split: %s%n", processor, claims(processor));
    }

    /**
     * Appeals of several enterprises: the routing reaction keeps each enterprise's events in one segment, so filings
     * of many enterprises reach every segment.
     */
    private List<UUID> fileFromManyEnterprises(int count) {
        List<UUID> filed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID appeal = UUID.randomUUID();
            String enterprise = String.format("91150200MA0R7%04dX", i % 8);
            publish(filed(appeal, enterprise, AppealCategory.POWER, Urgency.NORMAL, false), "enterprise", "ENTERPRISE");
            filed.add(appeal);
        }
        return filed;
    }

    private long opened(List<UUID> appeals) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM assignment_view WHERE appeal_id = ANY (?::uuid[])",
                Long.class,
                "{" + String.join(",", appeals.stream().map(UUID::toString).toList()) + "}");
    }

    /** The instances holding a claim they extended within the claim timeout on a segment of the processor. */
    private Set<String> owners(String processor) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL"
                        + " AND \"timestamp\"::timestamptz > now() - make_interval(secs => ?)",
                String.class,
                processor,
                CLAIM_TIMEOUT.toSeconds()));
    }

    /** Whether this instance holds every segment of the processor. */
    private boolean holdsEverySegment(String processor, String me) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM token_entry WHERE processor_name = ? AND owner IS DISTINCT FROM ?",
                        Long.class,
                        processor,
                        me)
                == 0;
    }

    private List<String> claims(String processor) {
        return jdbc.queryForList(
                "SELECT segment || ' → ' || coalesce(owner, '-') FROM token_entry WHERE processor_name = ?"
                        + " ORDER BY segment",
                String.class,
                processor);
    }
}
