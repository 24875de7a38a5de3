package cn.qinqing.oversight.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.history.ClockInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A kept fold's units read back as they were made, and its interval stored only ever narrower. */
class UnitCodecTest {

    private static final UUID APPEAL = UUID.fromString("7b0c6f8e-3f4a-4c59-9d0e-2a1b3c4d5e6f");

    @Test
    void everyKindOfUnitReadsBackEqual() {
        List<Kpis.Unit> units = List.of(
                new Kpis.Unit(
                        Kpis.Measure.RESPONSE,
                        APPEAL,
                        "dept-乙局",
                        Set.of(),
                        YearMonth.of(2025, 10),
                        true,
                        null,
                        false,
                        false,
                        null),
                new Kpis.Unit(
                        Kpis.Measure.HANDLING,
                        APPEAL,
                        "dept-b",
                        Set.of("head-b"),
                        YearMonth.of(2025, 12),
                        true,
                        null,
                        false,
                        false,
                        Duration.ofSeconds(12_345, 678)),
                new Kpis.Unit(
                        Kpis.Measure.ANSWER,
                        APPEAL,
                        "dept-b",
                        Set.of("head-b"),
                        YearMonth.of(2026, 1),
                        false,
                        5,
                        false,
                        true,
                        null),
                new Kpis.Unit(
                        Kpis.Measure.FOLLOW_UP,
                        APPEAL,
                        null,
                        Set.of("head-a", "deputy", "head-b"),
                        YearMonth.of(2025, 1),
                        false,
                        null,
                        true,
                        false,
                        Duration.ZERO),
                new Kpis.Unit(
                        Kpis.Measure.OVERDUE, APPEAL, "dept-a", Set.of("deputy"), null, false, 0, false, false, null));

        assertThat(UnitCodec.decode(APPEAL, UnitCodec.encode(units))).isEqualTo(units);
    }

    @Test
    void noUnitsAreNoBytes() {
        assertThat(UnitCodec.encode(List.of())).isNull();
        assertThat(UnitCodec.decode(APPEAL, null)).isEmpty();
    }

    @Test
    void aStoredIntervalIsTheWholeMicrosecondsInsideIt() {
        Instant due = Instant.parse("2025-10-20T02:00:00Z");
        // late from just after the due instant: stored from the next whole microsecond, never from the due instant
        long[] bounds = KeptFoldQueries.storedBounds(new ClockInterval(due.plusNanos(1), Instant.MAX));
        assertThat(bounds[0]).isEqualTo(KeptFoldQueries.floorMicros(due) + 1);
        assertThat(bounds[1]).isEqualTo(Long.MAX_VALUE);

        bounds = KeptFoldQueries.storedBounds(new ClockInterval(Instant.MIN, due.plusNanos(1)));
        assertThat(bounds[0]).isEqualTo(Long.MIN_VALUE);
        assertThat(bounds[1])
                .as("until the due instant's microsecond, not after it")
                .isEqualTo(KeptFoldQueries.floorMicros(due));

        bounds = KeptFoldQueries.storedBounds(new ClockInterval(due, due.plusSeconds(60)));
        assertThat(bounds)
                .containsExactly(KeptFoldQueries.floorMicros(due), KeptFoldQueries.floorMicros(due) + 60_000_000);
    }
}
