package cn.qinqing.language;

/** The roles a Qinqing user or integration client acts in. Carried in the access token's {@code roles} claim. */
public enum Role {
    ENTERPRISE,
    DISPATCHER,
    OFFICIAL,
    LEADER,
    SUPERVISOR,
    ADMIN
}
