package cn.qinqing.oversight.kpi;

/**
 * How often enterprises reopened answers.
 *
 * @param rate {@code reopened / answered}, 4 decimals; null without answers
 */
public record Reopen(long reopened, long answered, Double rate) {}
