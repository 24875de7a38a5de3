package cn.qinqing.oversight.timeline;

import static cn.qinqing.oversight.history.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.history.AppealEventTypes;
import cn.qinqing.oversight.history.Events;
import org.junit.jupiter.api.Test;

class TimelineStepsTest {

    @Test
    void everyEventKeptAboutAnAppealHasItsTimelineStep() {
        assertThat(AppealEventTypes.all())
                .filteredOn(type -> !TimelineSteps.shows(type.javaType()))
                .isEmpty();
    }

    @Test
    void aStepShowsWhatTheEventNamesInTheTimelinesWords() {
        Events events = new Events()
                .transferred("2025-09-30 10:00", "a", "b", at("2025-10-09 12:00"))
                .signedFor("2025-10-09 09:00", "b", true);

        TimelineSteps.Shown transfer = TimelineSteps.shown(events.list().get(0).event());
        TimelineSteps.Shown signFor = TimelineSteps.shown(events.list().get(1).event());

        assertThat(transfer.departmentId()).as("the department it went to").isEqualTo("b");
        assertThat(transfer.dueAt()).isEqualTo(at("2025-10-09 12:00"));
        assertThat(transfer.details()).containsEntry("reason", "reason").containsKey("byActor");
        assertThat(signFor.flag()).as("signed within the limit").isTrue();
        assertThat(signFor.details()).containsOnlyKeys("officialId");
    }
}
