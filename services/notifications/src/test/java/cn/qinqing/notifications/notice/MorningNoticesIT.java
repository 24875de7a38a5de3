package cn.qinqing.notifications.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.language.resolution.DeadlineKind;
import cn.qinqing.notifications.NotificationsTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The morning notices: the supervisors' digest counts the day's breaches per clock, once per day however often it
 * runs; a leader hears once of an action item they answer for that is past its due date and still open.
 */
class MorningNoticesIT extends NotificationsTestBase {

    @Autowired
    BreachDigest digest;

    @Autowired
    OverdueActionItems actionItems;

    @Test
    void aLeaderIsToldOnceOfAnActionItemPastItsDueDate() {
        UUID meeting = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        LocalDate due = LocalDate.of(2026, 2, 1);
        append("BreakfastMeeting", meeting.toString(), 0, raised(meeting, late, "落实光伏用地指标", due));
        append("BreakfastMeeting", meeting.toString(), 1, raised(meeting, closed, "已办结的事项", due));
        append(
                "BreakfastMeeting",
                meeting.toString(),
                2,
                new ActionItemClosedEvent(meeting, closed, "APPEAL_CLOSED", java.time.Instant.now()));
        await().until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM action_item WHERE meeting_id = ?", Long.class, meeting)
                        == 2
                && jdbc.queryForObject(
                                "SELECT count(*) FROM action_item_closed WHERE action_item_id = ?", Long.class, closed)
                        == 1);

        assertThat(actionItems.send(due)).as("not overdue on its due date").isZero();
        actionItems.send(due.plusDays(1));
        actionItems.send(due.plusDays(2));

        String leader = tokens.withRole("leader-n", "LEADER");
        String feed =
                api.get("/api/notifications?limit=200").token(leader).send().text();
        assertThat(feed.split("早餐会督办事项已逾期：落实光伏用地指标", -1)).hasSize(2);
        assertThat(feed).doesNotContain("已办结的事项");
    }

    private static ActionItemRaisedEvent raised(UUID meeting, UUID item, String title, LocalDate due) {
        return new ActionItemRaisedEvent(
                meeting,
                item,
                UUID.randomUUID(),
                1,
                1,
                ENTERPRISE_A,
                DEPARTMENT,
                "leader-n",
                due,
                title,
                "描述",
                AppealCategory.LAND,
                Urgency.NORMAL,
                java.time.Instant.now());
    }

    @Test
    void aSupervisorIsToldOnceADayHowManyDeadlinesWereBreached() {
        LocalDate day = LocalDate.of(2026, 1, 15);
        var noon = day.atTime(LocalTime.NOON).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        append(
                "CaseFile",
                first.toString(),
                0,
                new DeadlineBreachedEvent(first, DeadlineKind.RESOLUTION, DEPARTMENT, noon.minusSeconds(60), noon));
        append(
                "Assignment",
                second.toString(),
                0,
                new DeadlineBreachedEvent(second, DeadlineKind.SIGN_FOR, DEPARTMENT, noon.minusSeconds(60), noon));
        await().until(() ->
                jdbc.queryForObject("SELECT count(*) FROM breach WHERE appeal_id IN (?, ?)", Long.class, first, second)
                        == 2);

        assertThat(digest.send(day)).isEqualTo(2);
        assertThat(digest.send(day)).as("a second run, or a second instance").isEqualTo(2);
        assertThat(digest.send(day.minusDays(1))).as("a day without breaches").isZero();

        String supervisor = tokens.withRole("supervisor", "SUPERVISOR");
        JsonNode feed = api.get("/api/notifications").token(supervisor).send().json();
        List<String> digests = new ArrayList<>();
        feed.forEach(n -> {
            if (n.get("kind").asText().equals("BREACH_DIGEST")) {
                digests.add(n.get("subject").asText() + "\n" + n.get("body").asText());
            }
        });
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0))
                .contains("超期日报：2026-01-15 新增超期 2 件")
                .contains("办结时限: 1")
                .contains("签收时限: 1");
        assertThat(api.get("/api/notifications").token(official).send().text()).doesNotContain("BREACH_DIGEST");
    }
}
