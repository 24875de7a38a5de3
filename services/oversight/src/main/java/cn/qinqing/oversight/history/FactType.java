package cn.qinqing.oversight.history;

/** What an appeal fact records; one per published event that concerns an appeal. Stored by name: never rename one. */
public enum FactType {
    // appeals service
    FILED,
    SUPPLEMENTED,
    WITHDRAWN,
    ANSWERED,
    RATED,
    RATING_EXPIRED,
    REOPENED,
    APPEAL_CLOSED,
    // assignment service
    ASSIGNMENT_OPENED,
    QUEUED,
    DISPATCHED,
    SIGNED_FOR,
    RETURNED,
    TRANSFERRED,
    LEADER_TOOK_CHARGE,
    SUPERVISION_NOTICE,
    ESCALATED,
    ASSIGNMENT_CLOSED,
    // resolution service
    CASE_OPENED,
    PROGRESS_NOTED,
    CASE_PAUSED,
    CASE_RESUMED,
    EXTENSION_REQUESTED,
    EXTENSION_GRANTED,
    EXTENSION_DENIED,
    DEADLINE_BREACHED,
    RESOLUTION_SUBMITTED,
    CASE_REOPENED,
    CLOSE_OUT_SIGNED_OFF,
    CASE_CLOSED,
    // meetings service
    ACTION_ITEM_RAISED,
    ACTION_ITEM_CLOSED
}
