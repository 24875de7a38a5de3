package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import cn.qinqing.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A resolution deadline survives a crash of the resolution process: the case file's first-contact clock is persisted
 * in PostgreSQL (db-scheduler), the process is killed ({@code kill -9}) before it is due, the due time passes while
 * nothing runs, and when the process is started again the breach is recorded once and the assignment service
 * escalates the appeal to the next leader up.
 *
 * <p>A small platform of its own (identity, appeals, assignment, resolution) on a database of its own, so that the
 * deadlines table holds this test's deadlines only; the resolution service counts plain elapsed time with an SLA day
 * of 20 seconds (the short durations of services/resolution/README.md) and polls its deadlines every half second.
 */
class DeadlineBreachAfterRestartIT {

    static final Duration DAY = Duration.ofSeconds(20);
    static final String BREACHED = "resolution.DeadlineBreachedEvent";
    static final String ESCALATED = "assignment.AppealEscalatedEvent";
    static final String DEADLINES = "SELECT count(*) FROM resolution.scheduled_tasks WHERE task_name = 'AxonDeadline'";

    @Test
    void aFirstContactDeadlinePassedWhileResolutionWasKilledIsBreachedOnceOnRestartAndEscalatedOneLeaderUp()
            throws Exception {
        TestDatabase database = TestDatabase.get().another("breach");
        try (StoredEvents store = new StoredEvents(new Database(database.url(), database.user(), ""));
                Platform platform = EndToEnd.builder(database, "identity", "appeals", "assignment", "resolution")
                        .runDirectory(Path.of("target", "breach-platform").toAbsolutePath())
                        .timeout(Duration.ofSeconds(240))
                        .arguments(
                                "resolution",
                                "--qinqing.resolution.sla.clock=ELAPSED",
                                "--qinqing.resolution.sla.day=" + DAY,
                                "--qinqing.resolution.sla.first-contact-days=1",
                                // the answer is due long after this test: only the first-contact clock runs out
                                "--qinqing.resolution.sla.resolution-days.NORMAL=30",
                                // no warnings ahead of the clocks (resolution's SlaDeadlinesIT has them): the
                                // deadline rows counted here are the two clocks' own
                                "--qinqing.resolution.sla.warning-before=PT0S",
                                "--db-scheduler.polling-interval=PT0.5S")
                        .start()) {
            ServiceApis apis = new ServiceApis(platform);
            String enterprise = apis.signIn("enterprise-a");
            String official = apis.signIn("official");
            String head = apis.signIn("head-industry-it");
            String leader = apis.signIn("leader");

            // filed, routed to industry-it, signed for; the department's head takes charge (领办)
            UUID appeal = apis.file(enterprise, "端到端：超期后提级（重启办理服务）", "NORMAL");
            String signedFor = apis.signFor(official, appeal);
            var tookCharge = apis.assignment
                    .post("/api/assignment/appeals/" + appeal + "/take-charge")
                    .token(head)
                    .header("If-Match", signedFor)
                    .send();
            assertThat(tookCharge.status()).as(tookCharge.toString()).isEqualTo(200);

            // the case file opened with the short clocks, both deadlines in PostgreSQL
            JsonNode caseFile = apis.awaitCaseFile(official, appeal).json();
            Instant openedAt = Instant.parse(caseFile.get("openedAt").asText());
            Instant firstContactDue =
                    Instant.parse(caseFile.get("firstContactDueAt").asText());
            assertThat(Duration.between(openedAt, firstContactDue)).isEqualTo(DAY);
            await().ignoreExceptions().atMost(ServiceApis.EVENTS).until(() -> store.count(DEADLINES) == 2);

            RunningService before = platform.service("resolution");
            platform.kill("resolution");
            assertThat(Instant.now())
                    .as("killed before the first contact was due (else this machine is too slow for the test)")
                    .isBefore(firstContactDue);

            Thread.sleep(Duration.between(Instant.now(), firstContactDue)
                    .plusSeconds(2)
                    .toMillis());
            assertThat(store.about(appeal, BREACHED))
                    .as("nothing noticed the breach while resolution was down")
                    .isEmpty();
            assertThat(store.count(DEADLINES))
                    .as("both deadlines wait in PostgreSQL")
                    .isEqualTo(2);

            RunningService after = platform.restart("resolution");
            assertThat(after.port()).isEqualTo(before.port());
            assertThat(after.pid()).isNotEqualTo(before.pid());

            // the overdue deadline fires on start, once: its row is done, and one breach is in the store
            await().ignoreExceptions().atMost(ServiceApis.EVENTS).until(() -> store.count(DEADLINES) == 1);
            await().ignoreExceptions().atMost(ServiceApis.EVENTS).until(() -> !store.about(appeal, BREACHED)
                    .isEmpty());
            assertThat(store.about(appeal, BREACHED)).singleElement().satisfies(breach -> {
                assertThat(breach.get("kind").asText()).isEqualTo("FIRST_CONTACT");
                assertThat(breach.get("departmentId").asText()).isEqualTo("industry-it");
                // the read model keeps microseconds, the event nanoseconds
                assertThat(Instant.parse(breach.get("dueAt").asText()))
                        .isCloseTo(firstContactDue, within(1, ChronoUnit.MILLIS));
                assertThat(Instant.parse(breach.get("breachedAt").asText())).isAfter(firstContactDue);
            });

            // the assignment service escalated it from the department head to the deputy mayor, once
            await().ignoreExceptions().atMost(ServiceApis.EVENTS).until(() -> "leader"
                    .equals(apis.assignment
                            .get("/api/assignment/appeals/" + appeal)
                            .token(leader)
                            .send()
                            .json()
                            .path("leaderId")
                            .asText()));
            assertThat(apis.assignment
                            .get("/api/assignment/leaders/leader/cases")
                            .token(leader)
                            .send()
                            .text())
                    .contains(appeal.toString());
            assertThat(store.about(appeal, ESCALATED)).singleElement().satisfies(escalation -> {
                assertThat(escalation.get("fromLeaderId").asText()).isEqualTo("head-industry-it");
                assertThat(escalation.get("toLeaderId").asText()).isEqualTo("leader");
                assertThat(escalation.get("cause").asText()).isEqualTo("FIRST_CONTACT");
            });
            await().ignoreExceptions().atMost(ServiceApis.EVENTS).until(() -> apis.caseFile(official, appeal)
                    .json()
                    .path("firstContactBreached")
                    .asBoolean());
        }
    }
}
