package cn.qinqing.appeals.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.language.Ids;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ADR 0008: every create and update of the appeals API is read back straight after its 2xx — no sleep, no polling —
 * at the version of the ETag it returned, and a GET-then-If-Match write straight after a write never meets a 409.
 */
class ReadYourWritesIT extends AppealsApiTestBase {

    @Autowired
    EventStore eventStore;

    @Test
    void aFiledAppealIsThereAtItsLocationInItsListAndOnItsTimelineAtOnce() {
        for (int i = 0; i < 10; i++) {
            var filed = api.post("/api/appeals")
                    .token(userA)
                    .body(appeal("即读 " + i))
                    .send();
            assertThat(filed.status()).isEqualTo(201);

            var read = api.get(filed.header("Location")).token(userA).send();
            assertThat(read.status())
                    .as("GET of the Location just given, filing %d: %s %s", i, filed, read)
                    .isEqualTo(200);
            assertThat(read.header("ETag")).isEqualTo(filed.header("ETag"));
            String id = filed.json().get("id").asText();
            assertThat(api.get("/api/appeals?limit=100")
                            .token(userA)
                            .send()
                            .json()
                            .get("items")
                            .findValuesAsText("id"))
                    .contains(id);
            assertThat(api.get("/api/appeals/" + id + "/timeline")
                            .token(userA)
                            .send()
                            .json()
                            .findValuesAsText("type"))
                    .containsExactly("FILED");
        }
    }

    @Test
    void anIdempotentFilingIsThereAtOnceToo() {
        var filed = api.post("/api/appeals")
                .token(userA)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(appeal("幂等即读"))
                .send();
        assertThat(filed.status()).isEqualTo(201);

        assertThat(api.get(filed.header("Location")).token(userA).send().status())
                .isEqualTo(200);
    }

    @Test
    void eachUpdateIsReadBackAtTheVersionOfItsETagAndTheNextIfMatchWriteSucceeds() {
        var filed = api.post("/api/appeals").token(userA).body(appeal("连续写")).send();
        String location = filed.header("Location");

        for (int i = 0; i < 5; i++) {
            // the README's flow: read the ETag, write with If-Match, straight away
            String etag = api.get(location).token(userA).send().header("ETag");
            var supplemented = api.post(location + "/supplements")
                    .token(userA)
                    .header("If-Match", etag)
                    .body(Map.of("text", "补充材料 " + i))
                    .send();
            assertThat(supplemented.status()).as("write %d after GET", i).isEqualTo(200);

            var read = api.get(location).token(userA).send();
            assertThat(read.header("ETag")).isEqualTo(supplemented.header("ETag"));
        }
        assertThat(api.get(location + "/timeline").token(userA).send().json().findValuesAsText("type"))
                .hasSize(6);

        String etag = api.get(location).token(userA).send().header("ETag");
        var withdrawn = api.post(location + "/withdrawal")
                .token(userA)
                .header("If-Match", etag)
                .body(Map.of("reason", "已自行解决"))
                .send();
        assertThat(withdrawn.status()).isEqualTo(200);
        var read = api.get(location).token(userA).send();
        assertThat(read.header("ETag")).isEqualTo(withdrawn.header("ETag"));
        assertThat(read.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(timeline(location)).hasSize(7);
        assertListedAs(filed.json().get("id").asText(), "WITHDRAWN");
    }

    @Test
    void aRatingAndAReopeningAreReadBackAtOnce() {
        UUID rated = answered("评价即读");
        int before = timeline("/api/appeals/" + rated).size();
        var rating = api.post("/api/appeals/" + rated + "/rating")
                .token(userA)
                .header(
                        "If-Match",
                        api.get("/api/appeals/" + rated).token(userA).send().header("ETag"))
                .body(Map.of("rating", 5))
                .send();
        assertThat(rating.status()).isEqualTo(200);
        var afterRating = api.get("/api/appeals/" + rated).token(userA).send();
        assertThat(afterRating.header("ETag")).isEqualTo(rating.header("ETag"));
        assertThat(afterRating.json().get("status").asText()).isEqualTo("RATED");
        assertThat(timeline("/api/appeals/" + rated)).hasSize(before + 1);
        assertListedAs(rated.toString(), "RATED");

        UUID reopened = answered("重办即读");
        int beforeReopening = timeline("/api/appeals/" + reopened).size();
        var reopening = api.post("/api/appeals/" + reopened + "/reopening")
                .token(userA)
                .header(
                        "If-Match",
                        api.get("/api/appeals/" + reopened).token(userA).send().header("ETag"))
                .body(Map.of("reason", "仍未解决"))
                .send();
        assertThat(reopening.status()).isEqualTo(200);
        var afterReopening = api.get("/api/appeals/" + reopened).token(userA).send();
        assertThat(afterReopening.header("ETag")).isEqualTo(reopening.header("ETag"));
        assertThat(afterReopening.json().get("status").asText()).isEqualTo("REOPENED");
        assertThat(timeline("/api/appeals/" + reopened)).hasSize(beforeReopening + 1);
        assertListedAs(reopened.toString(), "REOPENED");
    }

    @Test
    void aRegisteredEnterpriseIsThereAtOnce() {
        // not 91150200MA0QC0003G: AppealsApiIT files as that enterprise to show an unregistered one is refused
        String uscc = "91150200MA0RW0009" + checkDigitFor("91150200MA0RW0009");
        var registered = api.post("/api/appeals/enterprises")
                .token(admin)
                .body(enterprise(uscc, "包头即读稀土有限公司"))
                .send();
        assertThat(registered.status()).isEqualTo(201);

        assertThat(api.get(registered.header("Location")).token(admin).send().status())
                .isEqualTo(200);
        assertThat(api.get("/api/appeals/enterprises")
                        .token(admin)
                        .send()
                        .json()
                        .findValuesAsText("enterpriseId"))
                .contains(uscc);
    }

    private List<String> timeline(String appeal) {
        return api.get(appeal + "/timeline").token(userA).send().json().findValuesAsText("type");
    }

    /** The appeal is in the list of appeals of its new status, read at once. */
    private void assertListedAs(String id, String status) {
        assertThat(api.get("/api/appeals?limit=100&status=" + status)
                        .token(userA)
                        .send()
                        .json()
                        .get("items")
                        .findValuesAsText("id"))
                .as("GET /api/appeals?status=" + status)
                .contains(id);
    }

    /** An appeal the city answered (the resolution service's event, appended as that service would). */
    private UUID answered(String title) {
        var filed = api.post("/api/appeals").token(userA).body(appeal(title)).send();
        UUID id = UUID.fromString(filed.json().get("id").asText());
        eventStore.publish(new GenericDomainEventMessage<>(
                        "CaseFile",
                        Ids.derive("case-file", id.toString()).toString(),
                        0,
                        new ResolutionSubmittedEvent(
                                id,
                                "industry-it",
                                "official-zhang",
                                1,
                                "已答复",
                                Outcome.SOLVED,
                                null,
                                null,
                                Instant.now(),
                                true))
                .andMetaData(Map.of(MetadataKeys.ACTOR, "official-zhang", MetadataKeys.ROLE, "OFFICIAL")));
        // the answer comes from another service: across services the views follow, they are not read-your-writes
        await().until(() -> api.get("/api/appeals/" + id)
                .token(userA)
                .send()
                .json()
                .get("status")
                .asText()
                .equals("ANSWERED"));
        return id;
    }

    private static char checkDigitFor(String first17) {
        return cn.qinqing.language.UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
