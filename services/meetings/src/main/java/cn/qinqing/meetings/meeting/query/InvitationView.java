package cn.qinqing.meetings.meeting.query;

import java.time.Instant;
import java.util.UUID;

/**
 * An enterprise's invitation to a meeting.
 *
 * @param status INVITED, ACCEPTED or DECLINED
 * @param enterpriseName from the enterprise directory, when the enterprise is registered
 */
public record InvitationView(
        UUID meetingId,
        String enterpriseId,
        String enterpriseName,
        String selection,
        String status,
        String declineReason,
        Instant sentAt,
        Instant respondedAt) {}
