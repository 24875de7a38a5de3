package cn.qinqing.meetings.meeting.command;

import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.meeting.Attendance;
import cn.qinqing.language.meeting.MinutesItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CorrectMinutesCommand(
        @TargetAggregateIdentifier UUID meetingId,
        @TargetAggregateVersion Long expectedVersion,
        Requester requester,
        Attendance attendance,
        List<MinutesItem> items,
        String reason,
        Instant correctedAt,
        List<DocumentRef> documents) {

    public CorrectMinutesCommand {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** The step without files (JSON). */
    public CorrectMinutesCommand(
            UUID meetingId,
            Long expectedVersion,
            Requester requester,
            Attendance attendance,
            List<MinutesItem> items,
            String reason,
            Instant correctedAt) {
        this(meetingId, expectedVersion, requester, attendance, items, reason, correctedAt, List.of());
    }
}
