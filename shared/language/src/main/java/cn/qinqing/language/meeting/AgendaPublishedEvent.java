package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The host published the agenda (议程): ordered items with time slots and responsible departments. */
@Revision("1")
public record AgendaPublishedEvent(UUID meetingId, List<AgendaItem> items, Instant publishedAt) {

    public AgendaPublishedEvent {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
