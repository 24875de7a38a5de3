package cn.qinqing.notifications.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.notifications.NotificationsTestBase;
import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.testsupport.AuthorizationMatrix;
import cn.qinqing.testsupport.AuthorizationMatrix.Endpoint;
import cn.qinqing.testsupport.ContractSamples;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every endpoint is default-deny, and a person reads and marks only their own notifications. */
class FeedAuthorizationIT extends NotificationsTestBase {

    @Autowired
    List<AuthorizationPolicy> policies;

    @Test
    void everyEndpointAnswersEveryRoleAsThePolicySays() {
        List<Endpoint> endpoints = policies.stream()
                .flatMap(policy -> policy.rules().stream())
                .map(rule -> new Endpoint(
                        rule.method().name(),
                        rule.pattern(),
                        rule.roles().stream().map(Enum::name).collect(Collectors.toSet())))
                .toList();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(6);
        assertThat(AuthorizationMatrix.violations(api, tokens, endpoints)).isEmpty();
    }

    @Test
    void anotherPersonCannotReadOrMarkSomeoneElsesNotification() {
        UUID appeal = UUID.randomUUID();
        append(
                "Appeal",
                appeal.toString(),
                0,
                new AppealFiledEvent(
                        appeal,
                        ENTERPRISE_A,
                        "仓储用地续租",
                        "续租。",
                        AppealCategory.LAND,
                        Urgency.NORMAL,
                        List.of(),
                        AppealSource.ONLINE,
                        null,
                        false,
                        Instant.now()));
        append("Appeal", appeal.toString(), 1, new AppealClosedEvent(appeal, ENTERPRISE_A, Instant.now()));
        String id = await().until(
                        () -> jdbc
                                .queryForList(
                                        "SELECT id::text FROM notification WHERE appeal_id = ? AND channel = 'FEED'",
                                        String.class,
                                        appeal)
                                .stream()
                                .findFirst()
                                .orElse(null),
                        found -> found != null);
        long unreadBefore = api.get("/api/notifications/unread")
                .token(userA)
                .send()
                .json()
                .get("count")
                .asLong();

        assertThat(api.get("/api/notifications?limit=200").token(userB).send().text())
                .doesNotContain(id);
        assertThat(api.get("/api/notifications?limit=200")
                        .token(official)
                        .send()
                        .text())
                .doesNotContain(id);
        assertThat(api.post("/api/notifications/" + id + "/read")
                        .token(userB)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/notifications/" + id + "/read")
                        .token(official)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/notifications/read-all").token(userB).send().status())
                .isEqualTo(204);
        assertThat(api.get("/api/notifications/unread")
                        .token(userA)
                        .send()
                        .json()
                        .get("count")
                        .asLong())
                .isEqualTo(unreadBefore);

        // another user of the same enterprise shares its feed
        String colleague = tokens.enterprise("colleague-a", ENTERPRISE_A);
        assertThat(api.post("/api/notifications/" + id + "/read")
                        .token(colleague)
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/notifications/unread")
                        .token(userA)
                        .send()
                        .json()
                        .get("count")
                        .asLong())
                .isEqualTo(unreadBefore - 1);
    }

    @Test
    void badPreferencesAreRefusedNamingTheFieldAndChangeNothing() {
        var refused = api.put("/api/notifications/preferences")
                .token(official)
                .body(Map.of(
                        "language", "fr",
                        "email", "not-an-address",
                        "kinds",
                                List.of(Map.of(
                                        "kind", "APPEAL_ANSWERED", "feed", true, "email", true, "webhook", true))))
                .send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("language").contains("email").contains("kinds[0].kind");
        var now =
                api.get("/api/notifications/preferences").token(official).send().json();
        ContractSamples.verify("notifications", "preferences", now);
        assertThat(now.get("email").asText()).isEqualTo(OFFICIAL_MAIL);
        assertThat(now.get("language").asText()).isEqualTo("zh-CN");
    }
}
