package cn.qinqing.oversight.eventlog;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.oversight.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The heads a KPI or overdue read starts from come in chunks from a cursor, and a chunk's consumer reads its appeals'
 * events while the cursor waits (issue 17: one map of a million heads did not fit the heap). Two appeals to a chunk
 * here, so that five appeals make three chunks.
 */
class AppealHeadChunksIT extends OversightApiTestBase {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PublishedEvents published;

    @Test
    void headsComeInChunksAndEachChunksEventsCanBeReadWhileTheCursorWaits() {
        Scenario scenario = scenario();
        // a month no other test files in, so that the period's heads are this test's alone
        List<UUID> appeals = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            var appeal = scenario.appeal("ent-chunks-" + scenario.hashCode(), "分块 " + day);
            appeal.filed(at("2012-05-0" + day + " 09:00"));
            if (day % 2 == 0) {
                appeal.dispatched("dept-chunks", at("2012-05-0" + day + " 09:05"), at("2012-05-0" + day + " 17:00"));
            }
            appeals.add(appeal.id);
        }
        awaitCaughtUp();
        AppealEventLog log = new AppealEventLog(jdbc, transactions, published, 2);

        List<Integer> sizes = new ArrayList<>();
        Map<UUID, AppealEventLog.Head> heads = new HashMap<>();
        Map<UUID, AppealEventLog.Head> folded = new HashMap<>();
        log.heads(at("2012-05-01 00:00"), at("2012-06-01 00:00"), Instant.now(), chunk -> {
            sizes.add(chunk.size());
            heads.putAll(chunk);
            log.ofAppeals(
                    chunk.keySet(),
                    Instant.now(),
                    events -> folded.put(events.get(0).appealId(), AppealEventLog.Head.of(events)));
        });

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(heads).containsOnlyKeys(appeals);
        assertThat(folded).as("the events read inside each chunk").isEqualTo(heads);
        assertThat(appeals.stream().map(id -> heads.get(id).events()).toList())
                .as("filed; filed and dispatched")
                .containsExactly(1, 2, 1, 2, 1);
    }
}
