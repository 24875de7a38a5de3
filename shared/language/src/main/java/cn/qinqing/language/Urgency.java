package cn.qinqing.language;

/** How urgent an appeal is (紧急程度). Dispatch, sign-for and resolution time limits depend on it. */
public enum Urgency {
    EMERGENCY,
    URGENT,
    NORMAL
}
