package cn.qinqing.assignment.dispatch.command;

/** Where an appeal's assignment stands. */
public enum AssignmentStatus {
    /** In the dispatcher's queue (待派单). */
    QUEUED,
    /** Dispatched to a department that has not signed for it yet (待签收). */
    DISPATCHED,
    /** Signed for: the department is working on it (办理中). */
    SIGNED_FOR,
    /** Closed out or withdrawn: nobody holds it any more. */
    CLOSED
}
