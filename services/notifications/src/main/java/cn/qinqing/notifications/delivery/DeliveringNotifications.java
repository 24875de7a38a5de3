package cn.qinqing.notifications.delivery;

import cn.qinqing.notifications.config.NotificationsProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox after the processor's transaction committed: e-mails over SMTP, webhook calls to the gateway. A
 * failed try is retried with exponential backoff; after the last allowed try the message is dead-lettered (status
 * DEAD, the last error kept, counted in {@code qinqing_notifications_delivered_total{outcome="dead"}}).
 */
@Component
class DeliveringNotifications {

    private static final Logger log = LoggerFactory.getLogger(DeliveringNotifications.class);
    private static final int BATCH = 20;

    private final Outbox outbox;
    private final JavaMailSender mail;
    private final NotificationsProperties properties;
    private final Webhook webhook;
    private final MeterRegistry meters;
    private final Clock clock;

    DeliveringNotifications(
            Outbox outbox,
            JavaMailSender mail,
            NotificationsProperties properties,
            ObjectMapper mapper,
            MeterRegistry meters,
            Optional<Clock> clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
        this.webhook = properties.webhook().enabled()
                ? new Webhook(properties.webhook().url(), properties.webhook().secret(), mapper)
                : null;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(fixedDelayString = "${qinqing.notifications.delivery.poll:2s}")
    void deliverDue() {
        List<Outbox.Message> due;
        do {
            due = outbox.claimDue(clock.instant(), BATCH);
            due.forEach(this::deliver);
        } while (due.size() == BATCH);
    }

    private void deliver(Outbox.Message message) {
        try {
            switch (message.channel()) {
                case "EMAIL" -> email(message);
                case "WEBHOOK" -> {
                    if (webhook == null) {
                        throw new IllegalStateException("no webhook URL is configured");
                    }
                    webhook.send(message, clock.instant());
                }
                default -> throw new IllegalStateException("no sender for channel " + message.channel());
            }
            outbox.sent(message.id(), clock.instant());
            count(message, "sent");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            NotificationsProperties.Delivery delivery = properties.delivery();
            if (message.attempts() >= delivery.maxAttempts()) {
                outbox.dead(message.id(), error);
                count(message, "dead");
                log.warn(
                        "{} notification {} dead-lettered after {} tries: {}",
                        message.channel(),
                        message.id(),
                        message.attempts(),
                        error);
            } else {
                outbox.retryAt(message.id(), clock.instant().plus(backoff(delivery, message.attempts())), error);
                count(message, "retried");
                log.info(
                        "{} notification {} failed (try {}), retrying: {}",
                        message.channel(),
                        message.id(),
                        message.attempts(),
                        error);
            }
        }
    }

    /** The wait after the n-th failed try: backoff × 2^(n−1), at most maxBackoff. */
    static Duration backoff(NotificationsProperties.Delivery delivery, int attempts) {
        Duration wait = delivery.backoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(delivery.maxBackoff()) > 0 ? delivery.maxBackoff() : wait;
    }

    private void email(Outbox.Message message) throws Exception {
        MimeMessage mime = mail.createMimeMessage();
        boolean multipart = message.attachment() != null;
        MimeMessageHelper helper = new MimeMessageHelper(mime, multipart, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.sender());
        helper.setTo(message.address());
        helper.setSubject(message.subject());
        helper.setText(message.body());
        if (multipart) {
            helper.addAttachment(
                    message.attachmentName(),
                    new ByteArrayResource(message.attachment()),
                    message.attachmentName().endsWith(".ics")
                            ? "text/calendar; charset=UTF-8; method=PUBLISH"
                            : "application/octet-stream");
        }
        mime.setHeader("X-Qinqing-Notification", message.id().toString());
        mail.send(mime);
    }

    private void count(Outbox.Message message, String outcome) {
        meters.counter("qinqing.notifications.delivered", "channel", message.channel(), "outcome", outcome)
                .increment();
    }
}
