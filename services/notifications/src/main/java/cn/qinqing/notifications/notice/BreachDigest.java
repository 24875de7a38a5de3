package cn.qinqing.notifications.notice;

import cn.qinqing.notifications.config.NotificationsProperties;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every morning each configured supervisor is told how many deadlines were breached the day before (Asia/Shanghai),
 * per kind of clock. The day is the notice's key ({@code digest:<day>}), so a second instance, or a run repeated the
 * same day, tells nobody twice; a day without breaches tells nobody anything.
 */
@Component
public class BreachDigest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final Notifications notifications;
    private final NotificationsProperties properties;

    BreachDigest(JdbcTemplate jdbc, Notifications notifications, NotificationsProperties properties) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Scheduled(cron = "${qinqing.notifications.digest.cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    void everyMorning() {
        send(LocalDate.now(SHANGHAI).minusDays(1));
    }

    /** Tells every supervisor of the breaches of that day; returns how many there were. */
    @Transactional
    public int send(LocalDate day) {
        Instant from = day.atStartOfDay(SHANGHAI).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        List<Object[]> perKind = jdbc.query(
                "SELECT kind, count(*) FROM breach WHERE breached_at >= ? AND breached_at < ? GROUP BY kind ORDER BY kind",
                (rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)},
                Timestamp.from(from),
                Timestamp.from(to));
        int total = perKind.stream().mapToInt(row -> ((Long) row[1]).intValue()).sum();
        if (total == 0) {
            return 0;
        }
        for (String supervisor : properties.digest().supervisors()) {
            notifications.tell(new Notice(
                    "digest:" + day,
                    Instant.now(),
                    Recipient.staff(supervisor),
                    Kind.BREACH_DIGEST,
                    null,
                    "/supervisor/overdue",
                    language -> new Object[] {day.toString(), total, breakdown(perKind, language)},
                    null));
        }
        return total;
    }

    private String breakdown(List<Object[]> perKind, String language) {
        StringBuilder text = new StringBuilder();
        for (Object[] row : perKind) {
            text.append(notifications.texts().text("deadline." + row[0], language))
                    .append(": ")
                    .append(row[1])
                    .append('\n');
        }
        return text.toString().strip();
    }
}
