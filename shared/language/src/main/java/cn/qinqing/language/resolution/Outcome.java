package cn.qinqing.language.resolution;

/** What the answer to an appeal achieved (办理结果). */
public enum Outcome {
    /** 已解决. */
    SOLVED,
    /** 部分解决. */
    PARTLY_SOLVED,
    /** 无法解决 (with the reason and the policy basis). */
    CANNOT_BE_SOLVED
}
