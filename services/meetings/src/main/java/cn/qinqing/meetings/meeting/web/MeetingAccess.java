package cn.qinqing.meetings.meeting.web;

import cn.qinqing.language.Role;
import cn.qinqing.meetings.meeting.command.Requester;
import cn.qinqing.meetings.meeting.query.MeetingView;
import cn.qinqing.meetings.meeting.query.Meetings;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.NotFoundException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may see which meeting: an enterprise only the meetings it is invited to (any other answers 404, exactly like a
 * meeting that does not exist); leaders, supervisors and admins all of them. The security policy has already kept
 * every other role out.
 */
@Component
class MeetingAccess {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final Meetings meetings;

    MeetingAccess(Meetings meetings) {
        this.meetings = meetings;
    }

    MeetingView visible(UUID id) {
        Actor actor = Actor.require();
        return meetings.find(id)
                .filter(meeting -> !actor.is(Role.ENTERPRISE)
                        || (actor.enterpriseId() != null
                                && meetings.invitation(id, actor.enterpriseId()).isPresent()))
                .orElseThrow(() -> new NotFoundException("There is no meeting " + id + " that you may see."));
    }

    /** The enterprise whose items an enterprise user sees, or null for everyone else (who sees all). */
    static String enterpriseScope(Actor actor) {
        return actor.is(Role.ENTERPRISE) ? actor.enterpriseId() : null;
    }

    static Requester requester(Actor actor) {
        return new Requester(actor.subject(), actor.is(Role.ADMIN));
    }

    static LocalDate today() {
        return LocalDate.now(CITY);
    }
}
