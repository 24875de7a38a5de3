package cn.qinqing.appeals.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.appeals.AppealsApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * R4: an event a handler throws on is parked in its processing group's dead-letter queue in PostgreSQL; the
 * processor goes on with other appeals; later events of the same appeal wait behind it; an admin lists, retries and
 * evicts dead letters through the API.
 */
class DeadLettersIT extends AppealsApiTestBase {

    static final String LETTERS = "/api/appeals/admin/dead-letters";

    List<JsonNode> lettersOf(UUID appeal) {
        List<JsonNode> letters = new ArrayList<>();
        api.get(LETTERS).token(admin).send().json().forEach(letter -> {
            if (letter.get("processingGroup").asText().equals(PoisonSensitiveProjection.GROUP)
                    && letter.get("sequence").asText().contains(appeal.toString())) {
                letters.add(letter);
            }
        });
        return letters;
    }

    @Test
    void aPoisonEventIsParkedWithItsFollowersWhileOtherAppealsGoOnAndARetryHandlesThemInOrder() {
        PoisonSensitiveProjection.healed.set(false);
        UUID poison = fileAndWait(userA, "POISON " + UUID.randomUUID());
        UUID healthy = fileAndWait(userA, "健康的诉求");
        assertThat(api.post("/api/appeals/" + poison + "/supplements")
                        .token(userA)
                        .header("If-Match", "\"0\"")
                        .body(Map.of("text", "排在毒丸后面的补充"))
                        .send()
                        .status())
                .isEqualTo(200);

        await().until(() -> PoisonSensitiveProjection.handled.contains("FILED " + healthy));
        await().until(() -> lettersOf(poison).size() == 2);
        List<JsonNode> parked = lettersOf(poison);
        assertThat(parked.get(0).get("payloadType").asText()).endsWith("AppealFiledEvent");
        assertThat(parked.get(0).get("cause").asText()).contains("poison");
        assertThat(parked.get(1).get("payloadType").asText()).endsWith("AppealSupplementedEvent");
        assertThat(PoisonSensitiveProjection.handled).doesNotContain("FILED " + poison, "SUPPLEMENTED " + poison);

        PoisonSensitiveProjection.healed.set(true);
        var retried = api.post(LETTERS + "/" + PoisonSensitiveProjection.GROUP + "/retry")
                .token(admin)
                .send();

        assertThat(retried.status()).isEqualTo(200);
        await().until(() -> lettersOf(poison).isEmpty());
        List<String> handled = PoisonSensitiveProjection.handled;
        assertThat(handled.indexOf("FILED " + poison))
                .isNotNegative()
                .isLessThan(handled.indexOf("SUPPLEMENTED " + poison));
    }

    @Test
    void anAdminEvictsALetterThatCanNeverSucceed() {
        PoisonSensitiveProjection.healed.set(false);
        UUID poison = fileAndWait(userA, "POISON evict " + UUID.randomUUID());
        await().until(() -> lettersOf(poison).size() == 1);
        String letterId = lettersOf(poison).get(0).get("id").asText();

        String letter = LETTERS + "/" + PoisonSensitiveProjection.GROUP + "/" + letterId;
        var inspected = api.get(letter).token(admin).send();
        var withoutReason = api.delete(letter).token(admin).send();
        assertThat(lettersOf(poison)).hasSize(1);
        var evicted = api.delete(letter + "?reason="
                        + java.net.URLEncoder.encode("企业已撤回，无需重试", java.nio.charset.StandardCharsets.UTF_8))
                .token(admin)
                .send();

        assertThat(inspected.status()).as(inspected.toString()).isEqualTo(200);
        assertThat(inspected.json().get("payload").toString()).contains("POISON evict");
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.toString()).contains("reason");
        assertThat(evicted.status()).isEqualTo(204);
        assertThat(lettersOf(poison)).isEmpty();
        assertThat(PoisonSensitiveProjection.handled).doesNotContain("FILED " + poison);
    }

    @Test
    void anEventWhoseSqlFailsIsParkedWithoutStallingTheProcessor() {
        PoisonSensitiveProjection.healed.set(false);
        UUID broken = fileAndWait(userA, "POISON SQL " + UUID.randomUUID());
        await().until(() -> lettersOf(broken).size() == 1);
        assertThat(lettersOf(broken).get(0).get("cause").asText()).contains("no_such_table");

        UUID after = fileAndWait(userA, "毒丸之后的诉求");
        await().until(() -> PoisonSensitiveProjection.handled.contains("FILED " + after));
    }

    @Test
    void onlyAnAdminSeesDeadLetters() {
        assertThat(api.get(LETTERS)
                        .token(tokens.withRole("supervisor", "SUPERVISOR"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get(LETTERS).token(userA).send().status()).isEqualTo(403);
        assertThat(api.get(LETTERS).send().status()).isEqualTo(401);
    }
}
