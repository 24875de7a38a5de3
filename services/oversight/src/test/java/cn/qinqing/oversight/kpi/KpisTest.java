package cn.qinqing.oversight.kpi;

import static cn.qinqing.oversight.history.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.history.Events;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpisTest {

    static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();
    static final DirectorySnapshot NO_DIRECTORY = new DirectorySnapshot(List.of(), List.of());

    @Test
    void anObligationOpenPastItsDueTimeCountsAsMissedInTheMonthItFellDue() {
        Events facts = new Events().dispatched("2025-10-31 09:00", "c", at("2025-10-31 17:30"));

        List<Kpis.Unit> before = Kpis.units(history(facts, "2025-10-31 12:00"), CALENDAR);
        List<Kpis.Unit> after = Kpis.units(history(facts, "2025-11-03 09:00"), CALENDAR);

        assertThat(before).as("not due yet: not counted").isEmpty();
        assertThat(after).singleElement().satisfies(unit -> {
            assertThat(unit.measure()).isEqualTo(Kpis.Measure.RESPONSE);
            assertThat(unit.met()).isFalse();
            assertThat(unit.month()).isEqualTo(YearMonth.of(2025, 10));
        });
    }

    @Test
    void aSignForDoneLateCountsInTheMonthItWasDoneWithTheAssignmentServicesVerdict() {
        Events facts = new Events()
                .dispatched("2025-10-31 09:00", "c", at("2025-10-31 17:30"))
                .signedFor("2025-11-03 09:00", "c", false);

        assertThat(Kpis.units(history(facts, "2025-11-10 09:00"), CALENDAR))
                .singleElement()
                .satisfies(unit -> {
                    assertThat(unit.met()).isFalse();
                    assertThat(unit.month()).isEqualTo(YearMonth.of(2025, 11));
                });
    }

    @Test
    void anObligationSupersededBeforeItsDueTimeIsNotCountedAfterItIsMissed() {
        Events returnedInTime = new Events()
                .dispatched("2025-11-03 09:00", "c", at("2025-11-03 17:30"))
                .returned("2025-11-03 11:00", "c");
        Events returnedLate = new Events()
                .dispatched("2025-11-03 09:00", "c", at("2025-11-03 17:30"))
                .returned("2025-11-04 11:00", "c");

        assertThat(Kpis.units(history(returnedInTime, "2025-11-10 09:00"), CALENDAR))
                .isEmpty();
        assertThat(Kpis.units(history(returnedLate, "2025-11-10 09:00"), CALENDAR))
                .singleElement()
                .satisfies(unit -> assertThat(unit.met()).isFalse());
    }

    @Test
    void ratesAreRoundedHalfUpAndAnExpiredRatingIsCountedApartFromTheRatedOnes() {
        List<AppealHistory> histories = List.of(
                answered("2025-11-03 10:00", 5),
                answered("2025-11-04 10:00", 4),
                answered("2025-11-05 10:00", 2),
                answered("2025-11-06 10:00", null));

        List<KpiRow> rows = Kpis.compute(
                histories,
                List.of(),
                Map.of(),
                new Kpis.Filter(YearMonth.of(2025, 11), null, null, null, null, null),
                Kpis.GroupBy.NONE,
                NO_DIRECTORY,
                CALENDAR);

        Satisfaction satisfaction = rows.get(0).satisfaction();
        assertThat(satisfaction.satisfied()).isEqualTo(2);
        assertThat(satisfaction.rated()).isEqualTo(3);
        assertThat(satisfaction.rate()).as("2/3 half-up to 4 decimals").isEqualTo(0.6667);
        assertThat(satisfaction.averageRating()).as("11/3").isEqualTo(3.67);
        assertThat(satisfaction.notRated()).isEqualTo(1);
        assertThat(rows.get(0).reopen().answered()).isEqualTo(4);
        assertThat(rows.get(0).score()).as("only satisfaction counted: 66.67").isEqualTo(66.67);
    }

    @Test
    void anActionItemClosedBeforeTheEndOfItsDueDateIsOnTimeAndAWithdrawnOneDoesNotCount() {
        // due on 20 Nov: on time until 21 Nov 00:00 in the city's time zone
        Events onTime = new Events()
                .actionItemRaised("2025-11-06 08:00", "c", "head", LocalDate.of(2025, 11, 20))
                .actionItemClosed("2025-11-20 23:59", "CASE_FILE_CLOSED");
        Events withdrawn = new Events()
                .actionItemRaised("2025-11-06 08:00", "c", "head", LocalDate.of(2025, 11, 20))
                .actionItemClosed("2025-11-25 10:00", "APPEAL_WITHDRAWN");

        assertThat(Kpis.units(history(onTime, "2025-12-01 00:00"), CALENDAR))
                .singleElement()
                .satisfies(unit -> {
                    assertThat(unit.measure()).isEqualTo(Kpis.Measure.FOLLOW_UP);
                    assertThat(unit.met()).isTrue();
                    assertThat(unit.leaders()).contains("head");
                });
        assertThat(Kpis.units(history(withdrawn, "2025-12-01 00:00"), CALENDAR)).isEmpty();
    }

    private static AppealHistory answered(String at, Integer rating) {
        Events facts = new Events().answered(at, "c", 1);
        if (rating != null) {
            facts.rated("2025-11-10 10:00", 1, rating);
        } else {
            facts.ratingExpired("2025-11-20 10:00", 1);
        }
        return AppealHistory.of(facts.appeal, facts.list(), Instant.parse("2025-12-01T00:00:00Z"), CALENDAR);
    }

    private static AppealHistory history(Events facts, String at) {
        return AppealHistory.of(facts.appeal, facts.list(), at(at), CALENDAR);
    }
}
