package cn.qinqing.oversight.kpi;

/**
 * How long resolutions took, in working days of 7 working hours.
 *
 * @param resolved answers whose case file opening is known (those without cannot be timed)
 * @param averageWorkingDays mean working time from case opened (or reopened) to answer, pauses excluded, 2 decimals
 */
public record Handling(long resolved, Double averageWorkingDays) {}
