package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The published minutes were corrected (更正): the whole corrected minutes, which correction it is, and why.
 *
 * @param correction 1 for the first correction
 */
@Revision("1")
public record MinutesCorrectedEvent(
        UUID meetingId,
        int correction,
        Attendance attendance,
        List<MinutesItem> items,
        String reason,
        Instant correctedAt) {

    public MinutesCorrectedEvent {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
