package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The published agenda changed: the whole new agenda, which revision it is, and why. Every change stays visible.
 *
 * @param revision 2 for the first change (the published agenda is revision 1)
 */
@Revision("1")
public record AgendaChangedEvent(
        UUID meetingId, int revision, List<AgendaItem> items, String reason, Instant changedAt) {

    public AgendaChangedEvent {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
