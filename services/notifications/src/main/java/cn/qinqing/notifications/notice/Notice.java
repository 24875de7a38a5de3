package cn.qinqing.notifications.notice;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * One thing to tell one person, because of one event.
 *
 * @param eventId the identifier of the event that caused it: with the person and the channel, the key that makes it
 *     once only
 * @param occurredAt when the event happened (the feed's order)
 * @param path the portal page it links to, such as {@code /appeals/<id>}
 * @param args the texts' arguments in a language (some are themselves texts)
 * @param attachment a file attached to the e-mail, or null
 */
public record Notice(
        String eventId,
        Instant occurredAt,
        Recipient recipient,
        Kind kind,
        UUID appealId,
        String path,
        Function<String, Object[]> args,
        Attachment attachment) {

    public record Attachment(String name, String contentType, byte[] content) {}
}
