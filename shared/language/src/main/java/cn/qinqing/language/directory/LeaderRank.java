package cn.qinqing.language.directory;

/** A leader's rank (职级), lowest first: escalation goes from a lower rank up the chain of command. */
public enum LeaderRank {
    /** 部门负责人: heads a department such as 工业和信息化局. */
    DEPARTMENT_HEAD,
    /** 旗县区长: heads a district. */
    DISTRICT_HEAD,
    /** 副市长. */
    DEPUTY_MAYOR,
    /** 市长. */
    MAYOR,
    /** 市委书记. */
    PARTY_SECRETARY
}
