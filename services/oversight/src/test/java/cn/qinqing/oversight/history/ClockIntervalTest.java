package cn.qinqing.oversight.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A fold holds from the last change of what is owed at or before its instant to the first one after it. */
class ClockIntervalTest {

    static final Instant DUE = Instant.parse("2025-10-20T02:00:00Z");
    static final Instant LATER_DUE = Instant.parse("2025-10-24T02:00:00Z");

    @Test
    void aDueInstantChangesWhatIsOwedAtItAndJustAfterIt() {
        var dues = new TreeSet<>(java.util.List.of(DUE, LATER_DUE));

        ClockInterval before = ClockInterval.around(DUE.minusSeconds(60), dues);
        assertThat(before).isEqualTo(new ClockInterval(Instant.MIN, DUE));
        assertThat(before.holds(DUE.minusNanos(1))).isTrue();
        assertThat(before.holds(DUE))
                .as("an action item is late at its due instant")
                .isFalse();

        assertThat(ClockInterval.around(DUE, dues)).isEqualTo(new ClockInterval(DUE, DUE.plusNanos(1)));

        ClockInterval between = ClockInterval.around(DUE.plusSeconds(1), dues);
        assertThat(between).isEqualTo(new ClockInterval(DUE.plusNanos(1), LATER_DUE));

        assertThat(ClockInterval.around(LATER_DUE.plusSeconds(1), dues))
                .isEqualTo(new ClockInterval(LATER_DUE.plusNanos(1), Instant.MAX));
        assertThat(ClockInterval.around(DUE, new TreeSet<>()))
                .as("nothing due: the same at every instant")
                .isEqualTo(new ClockInterval(Instant.MIN, Instant.MAX));
    }
}
