package cn.qinqing.language.market;

/** What a need asks the city to find: a supply (供应), a buyer (买家), logistics (物流) or a partner (合作伙伴). */
public enum NeedType {
    SUPPLY,
    BUYER,
    LOGISTICS,
    PARTNER
}
