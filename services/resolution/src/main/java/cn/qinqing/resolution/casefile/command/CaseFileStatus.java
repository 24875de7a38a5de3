package cn.qinqing.resolution.casefile.command;

/** Where a case file stands, as the CaseFile aggregate needs to know it to decide. */
enum CaseFileStatus {
    OPEN,
    PAUSED,
    ANSWERED,
    CLOSED,
    CANCELLED
}
