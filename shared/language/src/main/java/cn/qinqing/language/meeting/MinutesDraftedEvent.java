package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The host drafted the minutes (纪要草稿); a later draft replaces an earlier one until they are published. */
@Revision("1")
public record MinutesDraftedEvent(UUID meetingId, Attendance attendance, List<MinutesItem> items, Instant draftedAt) {

    public MinutesDraftedEvent {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
