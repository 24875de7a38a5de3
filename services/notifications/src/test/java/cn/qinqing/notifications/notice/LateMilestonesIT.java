package cn.qinqing.notifications.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.directory.LeaderRank;
import cn.qinqing.language.directory.LeaderRegisteredEvent;
import cn.qinqing.language.project.Capacity;
import cn.qinqing.language.project.CapacityUnit;
import cn.qinqing.language.project.KeyProjectRegisteredEvent;
import cn.qinqing.language.project.Milestone;
import cn.qinqing.language.project.MilestoneEscalatedEvent;
import cn.qinqing.language.project.MilestoneOverdueEvent;
import cn.qinqing.language.project.PlannedMilestone;
import cn.qinqing.notifications.NotificationsTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A key project's milestone past its planned day is told like an appeal's breached deadline: the project's leader and
 * the department's officials hear it is overdue (in the feed, and by e-mail as they chose), once; when it is escalated
 * the leader's superior hears it, and nobody else.
 */
class LateMilestonesIT extends NotificationsTestBase {

    static final String PROJECT_LEADER = "leader-p";
    static final String PROJECT_LEADER_MAIL = "leader-p@example.gov.cn";
    static final String SUPERIOR = "mayor-p";
    static final String SUPERIOR_MAIL = "mayor-p@example.gov.cn";

    @Test
    void theLeaderAndTheDepartmentHearOfAnOverdueMilestoneOnceAndTheLeadersSuperiorOfItsEscalation() {
        String projectLeader = tokens.withRole(PROJECT_LEADER, "LEADER");
        String superior = tokens.withRole(SUPERIOR, "LEADER");
        append("Leader", SUPERIOR, 0, leader(SUPERIOR, "赵市长", LeaderRank.MAYOR, null));
        append("Leader", PROJECT_LEADER, 0, leader(PROJECT_LEADER, "钱副市长", LeaderRank.DEPUTY_MAYOR, SUPERIOR));
        // both leaders want their notices by e-mail too
        choose(projectLeader, PROJECT_LEADER_MAIL);
        choose(superior, SUPERIOR_MAIL);
        await().until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM leader WHERE leader_id IN (?, ?)", Long.class, SUPERIOR, PROJECT_LEADER)
                == 2);

        UUID project = UUID.randomUUID();
        String name = "高纯多晶硅五期 " + project.toString().substring(0, 8);
        LocalDate planned = LocalDate.of(2026, 4, 30);
        append("KeyProject", project.toString(), 0, registered(project, name, planned));
        append(
                "KeyProject",
                project.toString(),
                1,
                new MilestoneOverdueEvent(
                        project, Milestone.LAND_AND_PERMITS, planned, PROJECT_LEADER, DEPARTMENT, Instant.now()));

        await().untilAsserted(() ->
                assertThat(notices(projectLeader, name)).containsExactly("PROJECT_MILESTONE_OVERDUE 重点项目节点逾期：" + name));
        assertThat(body(projectLeader, name)).contains("您包联的重点项目“" + name + "”的“土地及审批手续”节点计划于 2026-04-30 完成");
        await().untilAsserted(() ->
                assertThat(notices(official, name)).containsExactly("MILESTONE_OVERDUE 重点项目节点逾期：" + name));
        assertThat(body(official, name)).contains("已逾期并报包联领导钱副市长");
        await().untilAsserted(
                        () -> assertThat(subjects(PROJECT_LEADER_MAIL, name)).containsExactly("重点项目节点逾期：" + name));
        await().untilAsserted(() -> assertThat(subjects(OFFICIAL_MAIL, name)).containsExactly("重点项目节点逾期：" + name));
        assertThat(notices(superior, name))
                .as("not the superior's business yet")
                .isEmpty();
        assertThat(notices(userB, name)).as("never an enterprise's").isEmpty();

        append(
                "KeyProject",
                project.toString(),
                2,
                new MilestoneEscalatedEvent(
                        project, Milestone.LAND_AND_PERMITS, planned, 5, PROJECT_LEADER, DEPARTMENT, Instant.now()));

        await().untilAsserted(() -> assertThat(notices(superior, name))
                .containsExactly("PROJECT_MILESTONE_ESCALATED 重点项目节点逾期升级至您：" + name));
        assertThat(body(superior, name)).contains("逾期超过 5 个工作日仍未完成，已由包联领导钱副市长升级至您督办");
        await().untilAsserted(() -> assertThat(subjects(SUPERIOR_MAIL, name)).containsExactly("重点项目节点逾期升级至您：" + name));
        assertThat(notices(projectLeader, name))
                .as("told once, of the overdue milestone")
                .hasSize(1);
        assertThat(notices(official, name)).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM notification WHERE body LIKE ? GROUP BY event_id, recipient, channel"
                                + " ORDER BY count(*) DESC LIMIT 1",
                        Long.class,
                        "%" + name + "%"))
                .as("one row per event, person and channel")
                .isEqualTo(1);
        assertThat(body(superior, name))
                .as("the link goes to the project's page")
                .contains("/projects/" + project);
    }

    private void choose(String token, String email) {
        var saved = api.put("/api/notifications/preferences")
                .token(token)
                .body(Map.of("language", "zh-CN", "email", email, "kinds", List.of()))
                .send();
        assertThat(saved.status()).isEqualTo(200);
    }

    private List<String> notices(String token, String containing) {
        JsonNode feed =
                api.get("/api/notifications?limit=200").token(token).send().json();
        List<String> found = new ArrayList<>();
        feed.forEach(n -> {
            if (n.get("subject").asText().contains(containing)) {
                found.add(n.get("kind").asText() + " " + n.get("subject").asText());
            }
        });
        return found;
    }

    private String body(String token, String containing) {
        JsonNode feed =
                api.get("/api/notifications?limit=200").token(token).send().json();
        for (JsonNode n : feed) {
            if (n.get("subject").asText().contains(containing)) {
                return n.get("body").asText() + " " + n.get("link").asText();
            }
        }
        return "";
    }

    private static List<String> subjects(String address, String containing) {
        return inbox(address, messages -> {
            List<String> subjects = new ArrayList<>();
            for (Message message : messages) {
                try {
                    if (message.getSubject().contains(containing)) {
                        subjects.add(message.getSubject());
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return subjects;
        });
    }

    private static LeaderRegisteredEvent leader(String id, String name, LeaderRank rank, String superior) {
        return new LeaderRegisteredEvent(id, name, rank.name(), rank, null, superior, Instant.now());
    }

    private static KeyProjectRegisteredEvent registered(UUID project, String name, LocalDate planned) {
        return new KeyProjectRegisteredEvent(
                project,
                name,
                List.of(ENTERPRISE_B),
                ChainLink.POLYSILICON,
                new BigDecimal("8500000000"),
                new Capacity(new BigDecimal("100000"), CapacityUnit.TONNES),
                "包头稀土高新区希望工业园",
                PROJECT_LEADER,
                DEPARTMENT,
                planned.minusMonths(2),
                List.of(new PlannedMilestone(Milestone.LAND_AND_PERMITS, planned)),
                Instant.now());
    }
}
