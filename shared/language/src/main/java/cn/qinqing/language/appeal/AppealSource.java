package cn.qinqing.language.appeal;

/** Where an appeal came from. */
public enum AppealSource {
    /** Filed by the enterprise online. */
    ONLINE,
    /** Raised from a decision of a government–business breakfast meeting (政商恳谈早餐会). */
    BREAKFAST_MEETING,
    /** Raised as a blocker (堵点) of a key project ({@code BlockerRaisedEvent}), filed for its investing enterprise. */
    KEY_PROJECT
}
