package cn.qinqing.oversight.history;

import java.time.Instant;
import java.util.UUID;

/**
 * One published event about an appeal as oversight keeps it: the published language's own record, with where and when
 * the event store recorded it and the metadata of who and why.
 *
 * @param globalIndex the event's position in the global stream: the order a history is folded in
 * @param recordedAt when the event store recorded it; {@code asOf} compares against this
 * @param event the record of {@code shared/language} (an older revision is upcast before it gets here)
 */
public record AppealEvent(
        String eventId,
        UUID appealId,
        long globalIndex,
        Instant recordedAt,
        String actor,
        String role,
        String correlationId,
        String causationId,
        Object event) {

    public AppealEventTypes.Type<?> type() {
        return AppealEventTypes.of(event.getClass())
                .orElseThrow(() -> new IllegalStateException("not an appeal event: " + event.getClass()));
    }

    /** When it happened, from the event's own time field. */
    public Instant at() {
        return type().atOf(event);
    }
}
