package cn.qinqing.notifications.notice;

/** Where a notification goes: the portal's feed, an e-mail, or the SMS/WeChat gateway's webhook. */
public enum Channel {
    FEED,
    EMAIL,
    WEBHOOK
}
