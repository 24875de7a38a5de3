package cn.qinqing.appeals.appeal.command;

/** Where an appeal stands, as the Appeal aggregate needs to know it to decide. */
enum AppealStatus {
    OPEN,
    WITHDRAWN,
    /** The city answered; the enterprise may rate it, or reopen it, within the rating window. */
    ANSWERED,
    /** The enterprise reopened the answer; the case is being worked again. */
    REOPENED,
    /** Closed out (销号). */
    CLOSED
}
