package cn.qinqing.notifications.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every morning the leader responsible for a breakfast-meeting action item still open after its due date (Asia/Shanghai)
 * is told, once per item (the notice's key is {@code action-item-overdue:<id>}).
 */
@Component
public class OverdueActionItems {

    private final JdbcTemplate jdbc;
    private final Notifications notifications;

    OverdueActionItems(JdbcTemplate jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    record Item(UUID id, UUID meetingId, UUID appealId, String leaderId, String title, LocalDate dueOn) {}

    @Scheduled(cron = "${qinqing.notifications.digest.cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    void everyMorning() {
        send(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    /** Tells the responsible leaders of the items due before {@code today} and still open; returns how many. */
    @Transactional
    public int send(LocalDate today) {
        List<Item> overdue = jdbc.query(
                "SELECT action_item_id, meeting_id, appeal_id, responsible_leader_id, title, due_on FROM action_item"
                        + " WHERE due_on < ? AND NOT EXISTS (SELECT 1 FROM action_item_closed c"
                        + " WHERE c.action_item_id = action_item.action_item_id) ORDER BY due_on",
                (rs, n) -> new Item(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getDate(6).toLocalDate()),
                java.sql.Date.valueOf(today));
        for (Item item : overdue) {
            notifications.tell(new Notice(
                    "action-item-overdue:" + item.id(),
                    Instant.now(),
                    Recipient.staff(item.leaderId()),
                    Kind.ACTION_ITEM_OVERDUE,
                    item.appealId(),
                    "/leader/meetings/" + item.meetingId(),
                    language -> new Object[] {item.title(), item.dueOn().toString()},
                    null));
        }
        return overdue.size();
    }
}
