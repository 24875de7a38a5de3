package cn.qinqing.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.RoutingMode;
import cn.qinqing.notifications.NotificationsTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The SMS/WeChat gateway's webhook: each call signed with HMAC-SHA256; a gateway that keeps failing is retried with
 * backoff and the call dead-lettered after the last try, while one that answers gets each notification once.
 */
class WebhookIT extends NotificationsTestBase {

    @Test
    void aFailingWebhookIsRetriedThenDeadLetteredWhileAWorkingOneGetsOneSignedCall() {
        var chosen = api.put("/api/notifications/preferences")
                .token(userB)
                .body(Map.of(
                        "language",
                        "zh-CN",
                        "kinds",
                        List.of(Map.of("kind", "APPEAL_ROUTED", "feed", true, "email", false, "webhook", true))))
                .send();
        assertThat(chosen.status()).isEqualTo(200);

        UUID failing = dispatch("排污许可延续 " + FAILING);
        UUID working = dispatch("排污许可变更");

        await().until(() -> "DEAD".equals(status(failing)));
        await().until(() -> "SENT".equals(status(working)));
        List<Map<String, String>> toFailing = calls(failing);
        assertThat(toFailing).hasSize(3); // max-attempts in the test configuration
        assertThat(toFailing).extracting(call -> call.get("delivery")).containsOnly(id(failing));
        assertThat(jdbc.queryForObject(
                        "SELECT last_error FROM notification WHERE appeal_id = ? AND channel = 'WEBHOOK'",
                        String.class,
                        failing))
                .contains("500");
        List<Map<String, String>> toWorking = calls(working);
        assertThat(toWorking).hasSize(1);
        Map<String, String> call = toWorking.get(0);
        assertThat(call.get("signature"))
                .isEqualTo("sha256="
                        + Webhook.sign(
                                WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                                call.get("timestamp") + "." + call.get("body")));
        assertThat(call.get("body")).contains("\"kind\":\"APPEAL_ROUTED\"").contains("0472-5550101");
        // e-mail was switched off for this kind
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM notification WHERE appeal_id = ? AND channel = 'EMAIL' AND recipient = ?",
                        Long.class,
                        working,
                        "enterprise:" + ENTERPRISE_B))
                .isZero();
    }

    private UUID dispatch(String title) {
        UUID appeal = UUID.randomUUID();
        Instant now = Instant.now();
        append(
                "Appeal",
                appeal.toString(),
                0,
                new AppealFiledEvent(
                        appeal,
                        ENTERPRISE_B,
                        title,
                        "许可证到期。",
                        AppealCategory.PERMITS,
                        Urgency.NORMAL,
                        List.of(),
                        AppealSource.ONLINE,
                        null,
                        false,
                        now));
        append(
                "Assignment",
                appeal.toString(),
                0,
                new AppealDispatchedEvent(
                        appeal,
                        DEPARTMENT,
                        RoutingMode.AUTOMATIC,
                        null,
                        null,
                        Urgency.NORMAL,
                        now,
                        now.plusSeconds(3600)));
        return appeal;
    }

    private String status(UUID appeal) {
        return jdbc
                .queryForList(
                        "SELECT status FROM notification WHERE appeal_id = ? AND channel = 'WEBHOOK'",
                        String.class,
                        appeal)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private String id(UUID appeal) {
        return jdbc.queryForObject(
                "SELECT id::text FROM notification WHERE appeal_id = ? AND channel = 'WEBHOOK'", String.class, appeal);
    }

    private List<Map<String, String>> calls(UUID appeal) {
        String delivery = id(appeal);
        return webhookCalls.stream()
                .filter(call -> call.get("delivery").equals(delivery))
                .toList();
    }
}
