package cn.qinqing.oversight;

import static cn.qinqing.oversight.Scenario.at;

/**
 * Two appeals handled around the 2025 National Day holiday (1–8 October off; Sunday 28 September and Saturday 11
 * October are make-up working days), with a transfer, a late sign-for, a pause, an extension, a reopening and an
 * expired rating. The expected numbers in the tests are worked out by hand from these times.
 */
public final class NationalDayCases {

    private final Scenario scenario;
    private final String departmentA;
    private final String departmentB;
    private final String headA;
    private final String headB;
    private final String deputyMayor;
    private final String enterprise;
    private final Scenario.AppealEvents x;
    private final Scenario.AppealEvents y;

    public static NationalDayCases publish(Scenario scenario) {
        return new NationalDayCases(scenario);
    }

    public Scenario scenario() {
        return scenario;
    }

    public String departmentA() {
        return departmentA;
    }

    public String departmentB() {
        return departmentB;
    }

    public String headA() {
        return headA;
    }

    public String headB() {
        return headB;
    }

    public String deputyMayor() {
        return deputyMayor;
    }

    public String enterprise() {
        return enterprise;
    }

    /** Transferred from A to B before the holiday, answered on time by B, rated 5, closed. */
    public java.util.UUID x() {
        return x.id;
    }

    /** Signed late by B, paused, extended, answered, reopened, answered late, rating expired. */
    public java.util.UUID y() {
        return y.id;
    }

    private NationalDayCases(Scenario scenario) {
        this.scenario = scenario;
        departmentA = scenario.id("dept-a");
        departmentB = scenario.id("dept-b");
        headA = scenario.id("head-a");
        headB = scenario.id("head-b");
        deputyMayor = scenario.id("deputy");
        enterprise = scenario.uscc(1);
        scenario.department(departmentA, "甲局")
                .department(departmentB, "乙局")
                .leader(deputyMayor, "李副市长", null, null)
                .leader(headA, "甲局长", departmentA, deputyMayor)
                .leader(headB, "乙局长", departmentB, deputyMayor)
                .enterprise(enterprise, "包头青山光伏材料有限公司", "青山区");

        // X: A signs for it, transfers it to B before the holiday; B answers on time, enterprise rates 5
        x = scenario.appeal(enterprise, "切片车间增容")
                .filed(at("2025-09-26 08:30"))
                .routed(at("2025-09-26 08:30"), "青山区")
                .dispatched(departmentA, at("2025-09-26 09:00"), at("2025-09-26 17:30"))
                .signedFor(departmentA, at("2025-09-26 16:00"), true)
                .caseOpened(departmentA, 1, at("2025-09-26 16:00"), at("2025-09-29 16:00"), at("2025-10-17 16:00"))
                .transferred(departmentA, departmentB, at("2025-09-30 10:00"), at("2025-10-09 12:00"))
                .signedFor(departmentB, at("2025-10-09 10:00"), true)
                .caseOpened(departmentB, 1, at("2025-10-09 10:00"), at("2025-10-10 17:30"), at("2025-10-20 17:30"))
                .contacted(at("2025-10-10 09:30"))
                .submitted(departmentB, 1, at("2025-10-17 11:00"), true)
                .answered(departmentB, 1, at("2025-10-17 11:00"))
                .rated(1, 5, at("2025-10-20 09:00"))
                .caseClosed(departmentB, at("2025-10-20 15:00"));

        // Y: B signs late, waits a working day on the enterprise, gets an extension, answers within it; the
        // enterprise reopens; the second answer is late and never rated
        y = scenario.appeal(enterprise, "并网审批")
                .filed(at("2025-10-09 08:30"))
                .routed(at("2025-10-09 08:30"), "青山区")
                .dispatched(departmentB, at("2025-10-09 09:00"), at("2025-10-09 17:30"))
                .signedFor(departmentB, at("2025-10-10 09:30"), false)
                .caseOpened(departmentB, 1, at("2025-10-10 09:30"), at("2025-10-13 17:30"), at("2025-10-17 17:30"))
                .paused(at("2025-10-13 09:00"))
                .resumed(at("2025-10-14 09:00"), at("2025-10-14 17:30"), at("2025-10-20 17:30"))
                .extended(headB, at("2025-10-15 10:00"), at("2025-10-24 17:30"))
                .submitted(departmentB, 1, at("2025-10-22 16:00"), true)
                .answered(departmentB, 1, at("2025-10-22 16:00"))
                .reopened(2, at("2025-10-24 10:00"))
                .caseReopened(2, at("2025-10-24 10:00"), at("2025-10-27 10:00"), at("2025-11-07 17:30"))
                .contacted(at("2025-10-27 09:00"))
                .submitted(departmentB, 2, at("2025-11-10 10:00"), false)
                .answered(departmentB, 2, at("2025-11-10 10:00"))
                .ratingExpired(2, at("2025-11-20 10:00"));
    }
}
