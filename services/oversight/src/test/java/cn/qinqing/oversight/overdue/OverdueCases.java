package cn.qinqing.oversight.overdue;

import static cn.qinqing.oversight.Scenario.at;

import cn.qinqing.oversight.Scenario;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Department C with appeals left undone: W never signed for; V signed, taken charge of by a deputy mayor who issued a
 * supervision notice, never answered. Their enterprise is looked after by a liaison leader. C also owns four
 * breakfast-meeting action items due in November 2025: closed on time, closed late, left open, withdrawn.
 */
final class OverdueCases {

    final Scenario scenario;
    final String departmentC;
    final String headC;
    final String deputy;
    final String mayor;
    final String liaison;
    final String enterprise;
    final UUID w;
    final UUID v;
    final UUID meeting = UUID.randomUUID();
    final UUID onTime = UUID.randomUUID();
    final UUID late = UUID.randomUUID();
    final UUID open = UUID.randomUUID();
    final UUID withdrawn = UUID.randomUUID();

    OverdueCases(Scenario scenario) {
        this.scenario = scenario;
        departmentC = scenario.id("dept-c");
        headC = scenario.id("head-c");
        deputy = scenario.id("deputy-c");
        mayor = scenario.id("mayor");
        liaison = scenario.id("liaison");
        enterprise = scenario.uscc(2);
        scenario.department(departmentC, "丙局")
                .leader(mayor, "市长", null, null)
                .leader(deputy, "王副市长", null, mayor)
                .leader(headC, "丙局长", departmentC, deputy)
                .leader(liaison, "包联领导", null, mayor)
                .enterprise(enterprise, "包头稀土高新硅业有限公司", "昆都仑区")
                .liaison(enterprise, liaison, true, at("2025-06-01 09:00"));

        w = scenario.appeal(enterprise, "用电报装")
                .filed(at("2025-11-03 08:30"))
                .dispatched(departmentC, at("2025-11-03 09:00"), at("2025-11-03 17:30"))
                .id;
        v = scenario.appeal(enterprise, "用地指标")
                .filed(at("2025-11-03 08:30"))
                .dispatched(departmentC, at("2025-11-03 09:00"), at("2025-11-03 17:30"))
                .signedFor(departmentC, at("2025-11-03 10:00"), true)
                .caseOpened(departmentC, 1, at("2025-11-03 10:00"), at("2025-11-04 10:00"), at("2025-11-14 17:30"))
                .contacted(at("2025-11-04 09:00"))
                .tookCharge(deputy, at("2025-11-05 09:00"))
                .noticeIssued(deputy, departmentC, at("2025-11-05 09:30"), at("2025-11-10 17:30"))
                .id;

        scenario.actionItemRaised(
                meeting, onTime, enterprise, departmentC, headC, LocalDate.of(2025, 11, 20), at("2025-11-06 08:00"));
        scenario.actionItemRaised(
                meeting, late, enterprise, departmentC, headC, LocalDate.of(2025, 11, 25), at("2025-11-06 08:00"));
        scenario.actionItemRaised(
                meeting, open, enterprise, departmentC, headC, LocalDate.of(2025, 11, 26), at("2025-11-06 08:00"));
        scenario.actionItemRaised(
                meeting, withdrawn, enterprise, departmentC, headC, LocalDate.of(2025, 11, 27), at("2025-11-06 08:00"));
        scenario.actionItemClosed(meeting, onTime, "CASE_FILE_CLOSED", at("2025-11-20 23:00"));
        scenario.actionItemClosed(meeting, late, "CASE_FILE_CLOSED", at("2025-11-28 10:00"));
        scenario.actionItemClosed(meeting, withdrawn, "APPEAL_WITHDRAWN", at("2025-11-12 10:00"));
    }
}
