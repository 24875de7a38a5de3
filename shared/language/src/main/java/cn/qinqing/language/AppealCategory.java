package cn.qinqing.language;

/** What an appeal is about (诉求类别). The routing rules of the assignment service key on it. */
public enum AppealCategory {
    /** 审批许可: permits, licences, approvals. */
    PERMITS,
    /** 用地: land use and planning. */
    LAND,
    /** 用电用能: power and energy supply. */
    POWER,
    /** 融资: finance and credit. */
    FINANCE,
    /** 人才用工: talent and labour. */
    TALENT,
    /** 物流: logistics and transport. */
    LOGISTICS,
    /** 找市场找订单: finding markets and orders. */
    MARKETS_AND_ORDERS,
    /** 其他. */
    OTHER
}
