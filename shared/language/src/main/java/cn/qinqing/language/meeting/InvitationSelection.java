package cn.qinqing.language.meeting;

/** How an enterprise came to be invited to a breakfast meeting. */
public enum InvitationSelection {
    /** The host picked it by name. */
    BY_HAND,
    /** It sits at an industry-chain position the host invited (产业链环节). */
    BY_CHAIN_POSITION,
    /** It is flagged as a key enterprise (重点企业). */
    BY_KEY_ENTERPRISE_FLAG
}
