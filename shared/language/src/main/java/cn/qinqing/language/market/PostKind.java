package cn.qinqing.language.market;

/** What an enterprise posts on the city's market (找市场、找订单): what it offers, or what it needs. */
public enum PostKind {
    OFFER,
    NEED
}
