package cn.qinqing.notifications.notice;

import cn.qinqing.language.Role;
import java.util.Arrays;
import java.util.List;

/**
 * What a notification is about, who gets it, and whether it may wake someone at night. Each person chooses the
 * channels per kind (feed, e-mail, webhook).
 */
public enum Kind {
    // an enterprise, about its own appeals and meetings
    APPEAL_ROUTED(Role.ENTERPRISE, false),
    APPEAL_SIGNED_FOR(Role.ENTERPRISE, false),
    APPEAL_NOTED(Role.ENTERPRISE, false),
    APPEAL_ANSWERED(Role.ENTERPRISE, false),
    APPEAL_CLOSED(Role.ENTERPRISE, false),
    MEETING_INVITATION(Role.ENTERPRISE, false),
    TOPIC_ACCEPTED(Role.ENTERPRISE, false),
    TOPIC_DECLINED(Role.ENTERPRISE, false),
    // an official, about the department's inbox
    CASE_ARRIVED(Role.OFFICIAL, false),
    CASE_TRANSFERRED(Role.OFFICIAL, false),
    CASE_REOPENED(Role.OFFICIAL, false),
    DEADLINE_APPROACHING(Role.OFFICIAL, true),
    DEADLINE_BREACHED(Role.OFFICIAL, true),
    EXTENSION_DECIDED(Role.OFFICIAL, false),
    MILESTONE_OVERDUE(Role.OFFICIAL, false),
    // a leader, about the cases they took charge of, that reach them, or their breakfast meetings' action items
    CHARGED_CASE_MOVED(Role.LEADER, false),
    ESCALATION_REACHED(Role.LEADER, true),
    SUPERVISION_DUE(Role.LEADER, true),
    ACTION_ITEM_OVERDUE(Role.LEADER, false),
    // a leader, about the key projects they answer for or that are escalated to them
    PROJECT_MILESTONE_OVERDUE(Role.LEADER, false),
    PROJECT_MILESTONE_ESCALATED(Role.LEADER, false),
    // a supervisor, once a day
    BREACH_DIGEST(Role.SUPERVISOR, false);

    private final Role audience;
    private final boolean urgent;

    Kind(Role audience, boolean urgent) {
        this.audience = audience;
        this.urgent = urgent;
    }

    public Role audience() {
        return audience;
    }

    /** Urgent kinds go out at once; the others wait out the quiet hours (e-mail and webhook, never the feed). */
    public boolean urgent() {
        return urgent;
    }

    /** The kinds a person in this role may receive, and so choose channels for. */
    public static List<Kind> forRole(Role role) {
        return Arrays.stream(values()).filter(kind -> kind.audience == role).toList();
    }
}
