package cn.qinqing.notifications.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the notifications service tells people (application.yml has the defaults, docs/operations.md explains them).
 *
 * @param sender the From: of every e-mail
 * @param portalUrl where links in the texts point
 * @param maxAge events older than this when first handled notify nobody (a first start over years of history, or a
 *     processor that was stopped for days, must not flood people with old news); the directory still learns from them
 */
@ConfigurationProperties("qinqing.notifications")
public record NotificationsProperties(
        @DefaultValue("Qinqing <noreply@qinqing.local>") String sender,
        @DefaultValue("http://localhost:8080") URI portalUrl,
        @DefaultValue("3d") Duration maxAge,
        @DefaultValue QuietHours quietHours,
        @DefaultValue Delivery delivery,
        @DefaultValue Webhook webhook,
        @DefaultValue Digest digest) {

    /**
     * The supervisors' daily digest of new breaches: sent at {@code cron} (Asia/Shanghai) to these user names (the
     * identity service publishes no events, so who supervises is configured; the local profile's demo user is
     * {@code supervisor}).
     */
    public record Digest(
            @DefaultValue("0 0 8 * * *") String cron, @DefaultValue("supervisor") java.util.List<String> supervisors) {}

    /** Non-urgent e-mails and webhook calls wait from {@code start} to {@code end}; equal times: no quiet hours. */
    public record QuietHours(
            @DefaultValue("22:00") LocalTime start,
            @DefaultValue("07:00") LocalTime end,
            @DefaultValue("Asia/Shanghai") ZoneId zone) {}

    /** The outbox: polled every {@code poll}; a failed try waits backoff × 2^(tries−1), at most maxBackoff. */
    public record Delivery(
            @DefaultValue("2s") Duration poll,
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("10s") Duration backoff,
            @DefaultValue("30m") Duration maxBackoff) {}

    /** The SMS/WeChat gateway: no URL, no webhook channel. */
    public record Webhook(URI url, String secret) {
        public boolean enabled() {
            return url != null && !url.toString().isBlank();
        }
    }
}
