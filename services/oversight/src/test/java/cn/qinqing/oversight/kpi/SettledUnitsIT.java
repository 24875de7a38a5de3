package cn.qinqing.oversight.kpi;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.NationalDayCases;
import cn.qinqing.oversight.OversightApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A KPI read folds a settled appeal once and answers later reads from the fold it kept (in PostgreSQL), with the same
 * numbers as a fold: X of the National Day cases is closed (settled), Y is still open and is folded again once the
 * instant asked about passes one of its due instants.
 */
class SettledUnitsIT extends OversightApiTestBase {

    @Autowired
    MeterRegistry meters;

    @Autowired
    KeptFoldQueries folds;

    @Test
    void keptUnitsGiveTheNumbersOfAFreshFoldAndChangeWhenTheAppealDoes() {
        NationalDayCases cases = NationalDayCases.publish(scenario());
        awaitCaughtUp();
        List<String> paths = List.of(
                "/api/oversight/kpis?department=" + cases.departmentB(),
                "/api/oversight/kpis?month=2025-10&groupBy=LEADER&department=" + cases.departmentB(),
                "/api/oversight/kpis?month=2025-11&department=" + cases.departmentB(),
                "/api/oversight/kpis?groupBy=MONTH&department=" + cases.departmentB());

        double hitsBefore = hits();
        List<String> first = paths.stream().map(this::rows).toList();
        List<String> second = paths.stream().map(this::rows).toList();
        assertThat(second).isEqualTo(first);
        assertThat(hits() - hitsBefore).as("reads answered from kept units").isPositive();

        // Z is answered and closed, then rated late: the rating changes its head, so it is folded again
        var z = cases.scenario().appeal(cases.enterprise(), "迟到的评价");
        z.filed(at("2025-10-13 09:00"))
                .dispatched(cases.departmentB(), at("2025-10-13 09:05"), at("2025-10-14 09:05"))
                .signedFor(cases.departmentB(), at("2025-10-13 10:00"), true)
                .caseOpened(
                        cases.departmentB(), 1, at("2025-10-13 10:00"), at("2025-10-14 10:00"), at("2025-10-20 10:00"))
                .submitted(cases.departmentB(), 1, at("2025-10-15 10:00"), true)
                .answered(cases.departmentB(), 1, at("2025-10-15 10:05"))
                .closed(at("2025-10-16 10:00"));
        awaitCaughtUp();
        String closed = rows(paths.get(0));
        assertThat(rows(paths.get(0))).isEqualTo(closed);
        z.rated(1, 1, at("2025-10-17 10:00"));
        awaitCaughtUp();
        assertThat(rows(paths.get(0))).isNotEqualTo(closed);
    }

    @Test
    void anOpenAppealsKeptFoldHoldsOnlyUntilItsNextDueInstant() {
        NationalDayCases cases = NationalDayCases.publish(scenario());
        // W is being worked on: its resolution falls due on 20 October at 10:00, nothing closes it
        var w = cases.scenario().appeal(cases.enterprise(), "办理中");
        w.filed(at("2025-10-13 09:00"))
                .dispatched(cases.departmentB(), at("2025-10-13 09:05"), at("2025-10-14 09:05"))
                .signedFor(cases.departmentB(), at("2025-10-13 10:00"), true)
                .caseOpened(
                        cases.departmentB(), 1, at("2025-10-13 10:00"), at("2025-10-14 10:00"), at("2025-10-20 10:00"));
        awaitCaughtUp();
        String department = "/api/oversight/kpis?department=" + cases.departmentB() + "&asOf=";
        String before = department + "2025-10-20T09:59:59%2B08:00";
        String atDue = department + "2025-10-20T10:00:00%2B08:00";
        String after = department + "2025-10-20T10:00:01%2B08:00";

        double hitsBefore = hits();
        String beforeDue = rows(before);
        assertThat(rows(before)).isEqualTo(beforeDue);
        assertThat(hits() - hitsBefore)
                .as("the second read at the same instant is answered from kept units")
                .isPositive();
        // at the due instant it is not late yet; a moment later it is, although none of its events changed
        assertThat(rows(atDue)).isEqualTo(beforeDue);
        String afterDue = rows(after);
        assertThat(afterDue).isNotEqualTo(beforeDue);
        assertThat(overdueNow(after)).isEqualTo(overdueNow(before) + 1);
        assertThat(rows(before))
                .as("back before the due instant: folded again, as before")
                .isEqualTo(beforeDue);
        assertThat(rows(after)).isEqualTo(afterDue);

        // the overdue list keeps its folds the same way
        String overdue = "/api/oversight/overdue?department=" + cases.departmentB() + "&asOf=";
        for (int read = 0; read < 2; read++) {
            assertThat(lateResolutions(overdue + "2025-10-20T09:59:59%2B08:00", w.id))
                    .isZero();
            assertThat(lateResolutions(overdue + "2025-10-20T10:00:01%2B08:00", w.id))
                    .isEqualTo(1);
        }
    }

    private long lateResolutions(String path, java.util.UUID appeal) {
        var answer = api.get(path).token(supervisor).send();
        assertThat(answer.status()).as(path).isEqualTo(200);
        long count = 0;
        for (var item : answer.json().get("items")) {
            if (item.get("appealId").asText().equals(appeal.toString())
                    && item.get("kind").asText().equals("RESOLUTION")) {
                count++;
            }
        }
        return count;
    }

    private long overdueNow(String path) {
        return api.get(path)
                .token(supervisor)
                .send()
                .json()
                .get("rows")
                .get(0)
                .get("overdueNow")
                .asLong();
    }

    /** The KPI rows of a read, once the folds it made are kept. */
    private String rows(String path) {
        var answer = api.get(path).token(supervisor).send();
        assertThat(answer.status()).as(path).isEqualTo(200);
        folds.flush();
        return answer.json().get("rows").toString();
    }

    private double hits() {
        var counter = meters.find("oversight.kpi.folds").tag("result", "kept").counter();
        return counter == null ? 0 : counter.count();
    }
}
