package cn.qinqing.oversight.kpi;

/**
 * The KPIs of one group (a department, leader, category, district or month, or everything). Formulas in
 * {@code docs/kpis.md}.
 *
 * @param key the group's value (department id, leader id, category, district, month) or {@code all}
 * @param label what people call it (the department's or leader's name), or the key
 * @param response 签收及时率: sign-fors within their limit among sign-for obligations counted
 * @param onTimeResolution 按时办结率: answers by the due date in force among resolution obligations counted
 * @param overdueNow what is past due at the evaluation instant (not per month); null when grouped by month
 * @param meetingFollowUp breakfast-meeting action items closed on time among those counted
 */
public record KpiRow(
        String key,
        String label,
        Rate response,
        Rate onTimeResolution,
        Satisfaction satisfaction,
        Reopen reopen,
        Handling handling,
        Long overdueNow,
        Rate meetingFollowUp) {

    /**
     * The ranking score: the mean of the three rates that have something counted (response, on-time resolution,
     * satisfaction), × 100, 2 decimals; null when none has.
     */
    public Double score() {
        double sum = 0;
        int count = 0;
        for (Double rate : new Double[] {response.exact(), onTimeResolution.exact(), satisfactionExact()}) {
            if (rate != null) {
                sum += rate;
                count++;
            }
        }
        return count == 0 ? null : Kpis.round(sum / count * 100, 2);
    }

    private Double satisfactionExact() {
        return satisfaction.rated() == 0 ? null : (double) satisfaction.satisfied() / satisfaction.rated();
    }
}
