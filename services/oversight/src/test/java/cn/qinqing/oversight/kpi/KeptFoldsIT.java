package cn.qinqing.oversight.kpi;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.NationalDayCases;
import cn.qinqing.oversight.OversightApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The KPI folds kept in PostgreSQL (issue 17): a read takes what a fold kept instead of folding the appeal again, only
 * while the fold's head and basis are the appeal's now, and a read as of an earlier instant does not push out a later
 * head's fold.
 */
class KeptFoldsIT extends OversightApiTestBase {

    @Autowired
    MeterRegistry meters;

    @Autowired
    KeptFoldQueries folds;

    @Test
    void aReadTakesTheKeptFoldWhileItHoldsAndFoldsAgainUnderAnotherBasis() {
        NationalDayCases cases = NationalDayCases.publish(scenario());
        awaitCaughtUp();
        String path = "/api/oversight/kpis?department=" + cases.departmentB();
        String first = rows(path);
        assertThat(keptRow(cases.x()))
                .as("X is closed: kept from its last due instant on")
                .isTrue();

        double kept = folds("kept");
        assertThat(rows(path)).isEqualTo(first);
        assertThat(folds("kept") - kept).as("X taken as kept").isPositive();

        // the read takes what the table says: empty X's units there and the department's figures lose X's
        jdbc.update("UPDATE kpi_fold SET units = NULL WHERE appeal_id = ?", cases.x());
        assertThat(rows(path)).as("read from the kept fold").isNotEqualTo(first);

        // a fold kept under another basis (another calendar, another release's rules) is not read: folded again
        jdbc.update("UPDATE kpi_fold SET basis = 'another release' WHERE appeal_id = ?", cases.x());
        double folded = folds("folded");
        assertThat(rows(path)).isEqualTo(first);
        assertThat(folds("folded") - folded).isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT basis <> 'another release' AND units IS NOT NULL FROM kpi_fold WHERE appeal_id = ?",
                        Boolean.class,
                        cases.x()))
                .as("kept again under today's basis")
                .isTrue();
    }

    @Test
    void aReadAsOfAnEarlierInstantKeepsTheLaterHeadsFold() {
        NationalDayCases cases = NationalDayCases.publish(scenario());
        awaitCaughtUp();
        String path = "/api/oversight/kpis?department=" + cases.departmentB();
        rows(path);
        long lastIndex =
                jdbc.queryForObject("SELECT last_index FROM kpi_fold WHERE appeal_id = ?", Long.class, cases.x());

        // as of a moment when X's events were not all recorded yet: the head then is an earlier one
        String recordedBefore = jdbc.queryForObject(
                "SELECT to_char((max(recorded_at) - interval '1 microsecond') AT TIME ZONE 'UTC',"
                        + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM appeal_event WHERE appeal_id = ?",
                String.class,
                cases.x());
        rows(path + "&asOf=" + recordedBefore);
        assertThat(jdbc.queryForObject("SELECT last_index FROM kpi_fold WHERE appeal_id = ?", Long.class, cases.x()))
                .as("the current head's fold stays")
                .isEqualTo(lastIndex);
    }

    @Test
    void anAppealsNewEventMakesItsFoldAgain() {
        NationalDayCases cases = NationalDayCases.publish(scenario());
        var z = cases.scenario().appeal(cases.enterprise(), "新事件");
        z.filed(at("2025-10-13 09:00")).dispatched(cases.departmentB(), at("2025-10-13 09:05"), at("2025-10-14 09:05"));
        awaitCaughtUp();
        String path = "/api/oversight/kpis?department=" + cases.departmentB();
        rows(path);
        int events = jdbc.queryForObject("SELECT events FROM kpi_fold WHERE appeal_id = ?", Integer.class, z.id);
        z.signedFor(cases.departmentB(), at("2025-10-13 10:00"), true);
        awaitCaughtUp();
        rows(path);
        assertThat(jdbc.queryForObject("SELECT events FROM kpi_fold WHERE appeal_id = ?", Integer.class, z.id))
                .isEqualTo(events + 1);
    }

    private boolean keptRow(java.util.UUID appeal) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM kpi_fold WHERE appeal_id = ? AND valid_until = ? AND units IS NOT NULL",
                        Integer.class,
                        appeal,
                        Long.MAX_VALUE)
                == 1;
    }

    /** The KPI rows of a read, once the folds it made are kept. */
    private String rows(String path) {
        var answer = api.get(path).token(supervisor).send();
        assertThat(answer.status()).as(path).isEqualTo(200);
        folds.flush();
        return answer.json().get("rows").toString();
    }

    private double folds(String result) {
        var counter = meters.find("oversight.kpi.folds").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
