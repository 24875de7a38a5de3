package cn.qinqing.meetings.meeting.query;

import java.time.Instant;
import java.util.UUID;

/** @param status PROPOSED, ACCEPTED or DECLINED */
public record TopicView(
        UUID id,
        UUID meetingId,
        String enterpriseId,
        String title,
        String description,
        UUID linkedAppealId,
        String status,
        String declineReason,
        Instant proposedAt,
        Instant decidedAt) {}
