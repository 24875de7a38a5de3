package cn.qinqing.resolution.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.platform.messaging.ProcessorPositions;
import cn.qinqing.resolution.ResolutionApiTestBase;
import cn.qinqing.resolution.casefile.command.CaseFile;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An appeal withdrawn before any department signed for it has no case file: an expected case, not a warning. */
@ExtendWith(OutputCaptureExtension.class)
class WithdrawalBeforeSignForIT extends ResolutionApiTestBase {

    @Test
    void withdrawingAnAppealNobodySignedForWritesNoWarningAndOpensNothing(CapturedOutput output) {
        UUID appeal = UUID.randomUUID();
        ProcessorPositions positions = new ProcessorPositions(jdbc, "resolution");

        publish(
                "Appeal",
                appeal.toString(),
                1,
                new AppealWithdrawnEvent(appeal, ENTERPRISE_A, "问题已自行解决", Instant.now()),
                "user-a",
                "ENTERPRISE");
        long withdrawn = positions.head();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> positions.position("resolution-reactions").orElse(-1) >= withdrawn);

        assertThat(output.getAll())
                .as("the reaction handled it quietly")
                .doesNotContain("AggregateNotFoundException")
                .doesNotContain("CancelCaseFileCommand");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        CaseFile.idOf(appeal).toString()))
                .as("no case file was opened to be cancelled")
                .isZero();
    }
}
