package cn.qinqing.language.appeal;

import java.util.UUID;

/** The breakfast meeting and action item an appeal was raised from. */
public record MeetingReference(UUID meetingId, UUID actionItemId) {}
