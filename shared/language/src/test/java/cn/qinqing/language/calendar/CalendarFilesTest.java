package cn.qinqing.language.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalendarFilesTest {

    @Test
    void theBundled2025FileHoldsTheNotice() {
        CalendarYear year = CalendarFiles.bundled(2025).orElseThrow();

        assertThat(year.provisional()).isFalse();
        assertThat(year.source()).contains("国办发明电〔2024〕12号");
        assertThat(year.holidays()).hasSize(6);
        assertThat(year.makeUpWorkingDays())
                .containsExactly(
                        LocalDate.parse("2025-01-26"),
                        LocalDate.parse("2025-02-08"),
                        LocalDate.parse("2025-04-27"),
                        LocalDate.parse("2025-09-28"),
                        LocalDate.parse("2025-10-11"));
    }

    @Test
    void aYearWrittenAndReadBackIsTheSame() {
        CalendarYear year = CalendarFiles.bundled(2026).orElseThrow();

        assertThat(CalendarFiles.read(CalendarFiles.write(year))).isEqualTo(year);
    }

    @Test
    void aFileWithSeveralMistakesReportsThemAll() {
        String json =
                """
                {"year": 2028, "source": "x",
                 "holidays": [{"name": "春节", "from": "2028-02-10", "to": "2028-02-01"},
                              {"name": "元旦", "from": "2028-01-01", "to": "2028-13-01"}],
                 "makeUpWorkingDays": ["2028-01-05", "2027-12-31"]}
                """;

        assertThatThrownBy(() -> CalendarFiles.read(json))
                .isInstanceOfSatisfying(InvalidCalendarYearException.class, e -> assertThat(e.problems())
                        .hasSize(2)
                        .anySatisfy(problem -> assertThat(problem).contains("ends (2028-02-01) before"))
                        .anySatisfy(problem -> assertThat(problem).contains("2028-13-01")));
    }

    @Test
    void aMakeUpDayMustBeAWeekendDayOfTheYearAndNoHoliday() {
        String json =
                """
                {"year": 2028, "source": "x",
                 "holidays": [{"name": "元旦", "from": "2028-01-01", "to": "2028-01-03"}],
                 "makeUpWorkingDays": ["2028-01-05", "2027-12-25", "2028-01-01"]}
                """;

        assertThatThrownBy(() -> CalendarFiles.read(json))
                .isInstanceOfSatisfying(InvalidCalendarYearException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "make-up working day 2027-12-25 lies outside 2028",
                                "2028-01-01 is both a holiday and a make-up working day",
                                "make-up working day 2028-01-05 is not a Saturday or Sunday"));
    }

    @Test
    void notJsonOrMissingFieldsAreReported() {
        assertThatThrownBy(() -> CalendarFiles.read("{oops"))
                .isInstanceOf(InvalidCalendarYearException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> CalendarFiles.read("{}"))
                .isInstanceOfSatisfying(InvalidCalendarYearException.class, e -> assertThat(e.problems())
                        .containsExactly("year: a whole number is required", "source: text is required"));
    }
}
