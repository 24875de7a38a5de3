package cn.qinqing.notifications.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an official reads when a clock runs out soon, in either language. */
class TextsTest {

    private final Texts texts = new Texts();

    @Test
    void aResolutionWarningTellsTheOfficialTheAnswerIsDueWithinOneWorkingDay() {
        Instant due = Instant.parse("2026-03-06T09:30:00Z");
        Object[] chinese = {"变电站增容审批", texts.text("deadline.RESOLUTION", Texts.CHINESE), Texts.time(due)};
        Object[] english = {"变电站增容审批", texts.text("deadline.RESOLUTION", Texts.ENGLISH), Texts.time(due)};

        assertThat(texts.subject(Kind.DEADLINE_APPROACHING, Texts.CHINESE, chinese))
                .isEqualTo("临期预警：变电站增容审批");
        assertThat(texts.body(Kind.DEADLINE_APPROACHING, Texts.CHINESE, chinese))
                .isEqualTo("诉求“变电站增容审批”的办结时限将于 2026-03-06 17:30 到期（一个工作日内）。");
        assertThat(texts.subject(Kind.DEADLINE_APPROACHING, Texts.ENGLISH, english))
                .isEqualTo("Deadline within one working day: 变电站增容审批");
        assertThat(texts.body(Kind.DEADLINE_APPROACHING, Texts.ENGLISH, english))
                .isEqualTo("The resolution limit of \"变电站增容审批\" runs out at 2026-03-06 17:30, within one working day.");
    }

    @Test
    void aFirstContactWarningNamesTheFirstContactLimit() {
        Object[] english = {"x", texts.text("deadline.FIRST_CONTACT", Texts.ENGLISH), ""};
        assertThat(texts.body(Kind.DEADLINE_APPROACHING, Texts.ENGLISH, english))
                .contains("first-contact limit");
        Object[] chinese = {"x", texts.text("deadline.FIRST_CONTACT", Texts.CHINESE), ""};
        assertThat(texts.body(Kind.DEADLINE_APPROACHING, Texts.CHINESE, chinese))
                .contains("首次联系时限");
    }
}
