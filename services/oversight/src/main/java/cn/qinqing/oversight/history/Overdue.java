package cn.qinqing.oversight.history;

import java.time.Instant;

/**
 * Something past due at the instant a history was evaluated at.
 *
 * @param departmentId the department that owes it; null for the dispatchers' queue
 * @param leaderId the leader who issued it (supervision notices)
 * @param relatedId the notice's id (supervision notices)
 */
public record Overdue(Kind kind, Instant dueAt, String departmentId, String leaderId, String relatedId) {

    public enum Kind {
        /** 派单超期: waiting in the dispatchers' queue past its dispatch due time. */
        DISPATCH,
        /** 签收超期. */
        SIGN_FOR,
        /** 首次联系超期. */
        FIRST_CONTACT,
        /** 办结超期: the resolution due time in force (extensions included) has passed. */
        RESOLUTION,
        /** 督办超期: a leader's supervision notice is past its due time, unanswered. */
        SUPERVISION
    }
}
