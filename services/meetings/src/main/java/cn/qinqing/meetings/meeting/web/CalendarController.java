package cn.qinqing.meetings.meeting.web;

import cn.qinqing.language.Role;
import cn.qinqing.meetings.meeting.query.MeetingView;
import cn.qinqing.meetings.meeting.query.Meetings;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.NotFoundException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The iCalendar file of each invitation, to import the meeting into any calendar. */
@RestController
@RequestMapping("/api/meetings/{id}")
class CalendarController {

    private final Meetings meetings;
    private final MeetingAccess access;

    CalendarController(Meetings meetings, MeetingAccess access) {
        this.meetings = meetings;
        this.access = access;
    }

    /** The invitee's file; an enterprise gets only its own, anyone else's is not there for it. */
    @GetMapping("/invitations/{enterpriseId}.ics")
    ResponseEntity<String> invitation(@PathVariable UUID id, @PathVariable String enterpriseId) {
        Actor actor = Actor.require();
        if (actor.is(Role.ENTERPRISE) && !enterpriseId.equals(actor.enterpriseId())) {
            throw new NotFoundException("There is no invitation that you may see.");
        }
        MeetingView meeting = access.visible(id);
        meetings.invitation(id, enterpriseId)
                .orElseThrow(() -> new NotFoundException("Enterprise " + enterpriseId + " is not invited."));
        return ics(meeting, enterpriseId);
    }

    /** The calling enterprise's own file. */
    @GetMapping("/calendar.ics")
    ResponseEntity<String> mine(@PathVariable UUID id) {
        MeetingView meeting = access.visible(id);
        return ics(meeting, Actor.require().enterpriseId());
    }

    private static ResponseEntity<String> ics(MeetingView meeting, String enterpriseId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, InvitationCalendar.MEDIA_TYPE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"meeting-" + meeting.id() + "-" + enterpriseId + ".ics\"")
                .body(InvitationCalendar.of(meeting));
    }
}
