package cn.qinqing.language.assignment;

/** How a department came to hold an appeal. */
public enum RoutingMode {
    /** The routing rules in force chose the department (自动派单). */
    AUTOMATIC,
    /** A dispatcher chose it from the queue (人工派单). */
    MANUAL,
    /** A dispatcher replaced an earlier route (改派). */
    OVERRIDE,
    /**
     * A breakfast meeting's decision named the department that owns the action item (会议交办): the appeal raised from
     * it goes straight there, whatever the routing rules would say.
     */
    MEETING_DECISION,
    /**
     * A blocker raised on a key project (项目堵点): the appeal goes straight to the project's responsible department, with
     * the project's leader in charge.
     */
    KEY_PROJECT
}
