package cn.qinqing.oversight.directory;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.oversight.Scenario;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reads of the present take the directory from memory while {@code directory_version} says nothing changed (a row
 * written behind the version's back stays unseen), and see a change as soon as the read models have it: a department renamed, a version committed with a lower global index
 * than the newest one, and a read as of an instant before the change still gets the old name.
 */
class KeptDirectoryIT extends OversightApiTestBase {

    @Autowired
    Directory directory;

    @Test
    void aReadOfThePresentSeesEveryChangeTheReadModelsHaveAndAPastReadTheOldName() {
        Scenario scenario = scenario();
        String d = scenario.id("d");
        Instant registered = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        scenario.department(d, "旧科", "city", registered);
        awaitCaughtUp();
        assertThat(directory.snapshot(Instant.now()).departmentName(d)).isEqualTo("旧科");
        long version = version();

        Instant renamed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        scenario.departmentChanged(d, "新科", "city", "旧科", "city", renamed);
        awaitCaughtUp();

        assertThat(version()).as("the projection raised the version").isGreaterThan(version);
        assertThat(directory.snapshot(Instant.now()).departmentName(d)).isEqualTo("新科");
        assertThat(directory.at(Instant.now()).snapshot().departmentName(d)).isEqualTo("新科");
        assertThat(directory.snapshot(renamed.minusSeconds(60)).departmentName(d))
                .as("as of before the rename")
                .isEqualTo("旧科");

        // a version that arrives with a lower global index than the newest row (committed late): the counter, not the
        // index, tells the kept copy that it is out of date
        long lowest = jdbc.queryForObject("SELECT coalesce(min(global_index), 1) - 1 FROM department", Long.class);
        jdbc.update(
                "INSERT INTO department (department_id, name, parent_department_id, recorded_at, global_index)"
                        + " VALUES (?, '迟到的科', 'city', ?, ?)",
                scenario.id("late"),
                java.sql.Timestamp.from(at("2024-01-01 09:00")),
                lowest);
        assertThat(directory.snapshot(Instant.now()).departmentName(scenario.id("late")))
                .as("until the version moves, a read of the present takes the kept copy, not the tables")
                .isNotEqualTo("迟到的科");
        jdbc.update("UPDATE directory_version SET version = version + 1");
        assertThat(directory.snapshot(Instant.now()).departmentName(scenario.id("late")))
                .isEqualTo("迟到的科");
    }

    private long version() {
        return jdbc.queryForObject("SELECT version FROM directory_version", Long.class);
    }
}
