package cn.qinqing.notifications.notice;

import cn.qinqing.notifications.config.NotificationsProperties;
import cn.qinqing.notifications.people.Directory;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what one event tells one person, in the processor's transaction: one row per chosen channel, keyed by event,
 * person and channel, so that a replay or a second instance writes nothing twice. The feed row is the feed; the e-mail
 * and webhook rows are the outbox (delivery.DeliveringNotifications sends them after commit).
 */
@Component
public class Notifications {

    private final JdbcTemplate jdbc;
    private final Preferences preferences;
    private final Directory directory;
    private final NotificationsProperties properties;
    private final QuietHours quietHours;
    private final Clock clock;
    private final Texts texts = new Texts();

    Notifications(
            JdbcTemplate jdbc,
            Preferences preferences,
            Directory directory,
            NotificationsProperties properties,
            Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.directory = directory;
        this.properties = properties;
        this.quietHours = new QuietHours(properties.quietHours());
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Writes the notice's rows, unless the event is older than the configured maximum age. */
    public void tell(Notice notice) {
        Instant now = clock.instant();
        if (notice.occurredAt().isBefore(now.minus(properties.maxAge()))) {
            return;
        }
        Recipient recipient = notice.recipient();
        Preferences.Profile profile = preferences.profile(recipient);
        Preferences.Choice choice = preferences.choice(recipient, notice.kind());
        String language = profile.language();
        Object[] args = notice.args().apply(language);
        String subject = texts.subject(notice.kind(), language, args);
        String body = texts.body(notice.kind(), language, args);
        String link = properties.portalUrl().toString().replaceAll("/$", "") + notice.path();
        Instant release = notice.kind().urgent() ? now : quietHours.release(now);

        if (choice.feed()) {
            insert(notice, Channel.FEED, language, subject, body, link, null, "SHOWN", null, null);
        }
        if (choice.email()) {
            Optional<String> address = recipient.isEnterprise()
                    ? directory.enterpriseEmail(recipient.enterpriseId())
                    : Optional.ofNullable(profile.email());
            address.ifPresent(to -> insert(
                    notice,
                    Channel.EMAIL,
                    language,
                    subject,
                    body + "\n\n" + texts.text("email.link", language, link) + "\n\n--\n"
                            + texts.text("email.footer", language),
                    link,
                    to,
                    "PENDING",
                    release,
                    notice.attachment()));
        }
        if (choice.webhook() && properties.webhook().enabled()) {
            String phone = recipient.isEnterprise()
                    ? directory.enterprisePhone(recipient.enterpriseId()).orElse(null)
                    : null;
            insert(notice, Channel.WEBHOOK, language, subject, body, link, phone, "PENDING", release, null);
        }
    }

    private void insert(
            Notice notice,
            Channel channel,
            String language,
            String subject,
            String body,
            String link,
            String address,
            String status,
            Instant release,
            Notice.Attachment attachment) {
        jdbc.update(
                "INSERT INTO notification (id, event_id, recipient, channel, kind, appeal_id, language, subject, body,"
                        + " link, address, attachment_name, attachment, created_at, status, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (event_id, recipient, channel) DO NOTHING",
                id(notice.eventId(), notice.recipient(), channel),
                notice.eventId(),
                notice.recipient().key(),
                channel.name(),
                notice.kind().name(),
                notice.appealId(),
                language,
                subject,
                body,
                link,
                address,
                attachment == null ? null : attachment.name(),
                attachment == null ? null : attachment.content(),
                Timestamp.from(notice.occurredAt()),
                status,
                release == null ? null : Timestamp.from(release));
    }

    /** The same event, person and channel always give the same id. */
    static UUID id(String eventId, Recipient recipient, Channel channel) {
        return UUID.nameUUIDFromBytes(
                (eventId + "|" + recipient.key() + "|" + channel).getBytes(StandardCharsets.UTF_8));
    }

    public Texts texts() {
        return texts;
    }
}
