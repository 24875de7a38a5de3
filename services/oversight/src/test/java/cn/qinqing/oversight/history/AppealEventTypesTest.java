package cn.qinqing.oversight.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppealEventTypesTest {

    @Test
    void everyEventKeptAboutAnAppealIsFoldedIntoItsHistory() {
        List<Class<?>> kept = AppealEventTypes.all().stream()
                .<Class<?>>map(AppealEventTypes.Type::javaType)
                .toList();

        assertThat(kept).hasSize(36);
        assertThat(kept).filteredOn(type -> !AppealHistory.folds(type)).isEmpty();
    }

    @Test
    void eachEventSaysWhichAppealWhenAndWhatFallsDue() {
        Events events = new Events().dispatched("2025-11-03 09:00", "c", Events.at("2025-11-03 17:30"));
        AppealEvent dispatched = events.list().get(0);

        assertThat(dispatched.type().code()).isEqualTo("DISPATCHED");
        assertThat(dispatched.type().appealOf(dispatched.event())).isEqualTo(events.appeal);
        assertThat(dispatched.at()).isEqualTo(Events.at("2025-11-03 09:00"));
        assertThat(dispatched.type().dueOf(dispatched.event())).isEqualTo(Events.at("2025-11-03 17:30"));
        assertThat(dispatched.type().finishes()).isFalse();
    }
}
