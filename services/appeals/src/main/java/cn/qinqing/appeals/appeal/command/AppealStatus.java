package cn.qinqing.appeals.appeal.command;

/** Where an appeal stands, as the Appeal aggregate needs to know it to decide. */
enum AppealStatus {
    OPEN,
    WITHDRAWN
}
