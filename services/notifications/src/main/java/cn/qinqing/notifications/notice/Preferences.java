package cn.qinqing.notifications.notice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each person chose: language, a staff member's e-mail address, and the channels per kind. Without a choice a
 * kind goes to the feed and by e-mail, not to the webhook (the gateway costs money per SMS).
 */
@Repository
public class Preferences {

    public static final Choice DEFAULT = new Choice(true, true, false);

    private final JdbcTemplate jdbc;

    Preferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Choice(boolean feed, boolean email, boolean webhook) {
        public boolean wants(Channel channel) {
            return switch (channel) {
                case FEED -> feed;
                case EMAIL -> email;
                case WEBHOOK -> webhook;
            };
        }
    }

    /** @param email a staff member's own address; an enterprise's comes from its registration */
    public record Profile(String language, String email) {}

    public Profile profile(Recipient recipient) {
        return jdbc
                .query(
                        "SELECT language, email FROM recipient_profile WHERE recipient = ?",
                        (rs, n) -> new Profile(rs.getString(1), rs.getString(2)),
                        recipient.key())
                .stream()
                .findFirst()
                .orElse(new Profile(Texts.CHINESE, null));
    }

    public Choice choice(Recipient recipient, Kind kind) {
        return jdbc
                .query(
                        "SELECT feed, email, webhook FROM channel_choice WHERE recipient = ? AND kind = ?",
                        (rs, n) -> new Choice(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)),
                        recipient.key(),
                        kind.name())
                .stream()
                .findFirst()
                .orElse(DEFAULT);
    }

    public Map<Kind, Choice> choices(Recipient recipient, List<Kind> kinds) {
        Map<Kind, Choice> choices = new LinkedHashMap<>();
        kinds.forEach(kind -> choices.put(kind, choice(recipient, kind)));
        return choices;
    }

    @Transactional
    public void save(Recipient recipient, Profile profile, Map<Kind, Choice> choices) {
        jdbc.update(
                "INSERT INTO recipient_profile (recipient, language, email) VALUES (?, ?, ?)"
                        + " ON CONFLICT (recipient) DO UPDATE SET language = excluded.language, email = excluded.email",
                recipient.key(),
                profile.language(),
                Optional.ofNullable(profile.email()).filter(e -> !e.isBlank()).orElse(null));
        choices.forEach((kind, choice) -> jdbc.update(
                "INSERT INTO channel_choice (recipient, kind, feed, email, webhook) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (recipient, kind) DO UPDATE SET feed = excluded.feed, email = excluded.email,"
                        + " webhook = excluded.webhook",
                recipient.key(),
                kind.name(),
                choice.feed(),
                choice.email(),
                choice.webhook()));
    }
}
