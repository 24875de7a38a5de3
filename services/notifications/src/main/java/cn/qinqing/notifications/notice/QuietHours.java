package cn.qinqing.notifications.notice;

import cn.qinqing.notifications.config.NotificationsProperties;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The night during which non-urgent e-mails and webhook calls wait (default 22:00–07:00 Asia/Shanghai). A window may
 * cross midnight; equal start and end mean none.
 */
public record QuietHours(NotificationsProperties.QuietHours window) {

    /** When a non-urgent message made at {@code now} may go: now, or the end of the quiet hours it falls in. */
    public Instant release(Instant now) {
        LocalTime start = window.start();
        LocalTime end = window.end();
        if (start.equals(end)) {
            return now;
        }
        ZonedDateTime local = now.atZone(window.zone());
        LocalTime time = local.toLocalTime();
        boolean crossesMidnight = start.isAfter(end);
        boolean quiet = crossesMidnight
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return now;
        }
        ZonedDateTime release = local.with(end);
        if (!release.isAfter(local)) {
            release = release.plusDays(1);
        }
        return release.toInstant();
    }
}
