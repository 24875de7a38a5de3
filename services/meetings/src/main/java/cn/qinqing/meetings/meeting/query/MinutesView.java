package cn.qinqing.meetings.meeting.query;

import cn.qinqing.language.meeting.Attendance;
import cn.qinqing.language.meeting.MinutesItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The minutes as they stand (the latest correction applied) and every correction made after publication.
 *
 * @param status DRAFT or PUBLISHED
 */
public record MinutesView(
        UUID meetingId,
        String status,
        Attendance attendance,
        List<MinutesItem> items,
        Instant draftedAt,
        Instant publishedAt,
        List<Correction> corrections) {

    public record Correction(
            int correction, Attendance attendance, List<MinutesItem> items, String reason, Instant correctedAt) {}
}
