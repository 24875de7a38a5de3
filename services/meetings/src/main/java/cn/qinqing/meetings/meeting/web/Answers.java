package cn.qinqing.meetings.meeting.web;

import cn.qinqing.meetings.meeting.query.InvitationView;
import cn.qinqing.meetings.meeting.query.MeetingView;
import java.util.List;
import java.util.UUID;

/** What the meetings API answers to writes, and the meeting as read together with its invitations. */
final class Answers {

    private Answers() {}

    /** The meeting's new version after a change (also its ETag). */
    record MeetingChanged(UUID id, long version) {}

    /** Something created inside a meeting (a topic, an action item), and the meeting's version after it. */
    record Created(UUID id, UUID meetingId, long meetingVersion) {}

    /** @param invitations all of them for the host's side and supervisors; only its own for an enterprise */
    record MeetingDetails(MeetingView meeting, List<InvitationView> invitations) {}

    /**
     * What an invitation reached.
     *
     * @param selected the enterprises named or selected by chain position
     * @param newlyInvited how many of them got an invitation now
     * @param alreadyInvited how many of them held a seat already
     */
    record Invited(UUID id, long version, List<String> selected, int newlyInvited, int alreadyInvited) {}
}
