package cn.qinqing.meetings.meeting.web;

import cn.qinqing.meetings.meeting.query.InvitationView;
import cn.qinqing.meetings.meeting.query.MeetingView;
import cn.qinqing.platform.idempotency.IdempotentCreates.Creation;
import cn.qinqing.platform.web.ETags;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;

/** What the meetings API answers to writes, and the meeting as read together with its invitations. */
final class Answers {

    private Answers() {}

    /** The meeting's new version after a change (also its ETag). */
    record MeetingChanged(UUID id, long version) {}

    /** Something created inside a meeting (a topic, an action item), and the meeting's version after it. */
    record Created(UUID id, UUID meetingId, long meetingVersion) {

        /** The 201 of something created in {@code collection} of a meeting, with the meeting's version as ETag. */
        static ResponseEntity<Created> in(UUID meetingId, String collection, Creation<Long> created) {
            return created.answer(URI.create("/api/meetings/" + meetingId + "/" + collection))
                    .eTag(ETags.of(created.result()))
                    .body(new Created(created.id(), meetingId, created.result()));
        }
    }

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
