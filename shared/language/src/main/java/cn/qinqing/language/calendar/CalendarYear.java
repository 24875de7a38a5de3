package cn.qinqing.language.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One year of the Chinese working calendar, from the State Council's yearly notice on public holidays
 * (国务院办公厅关于…年部分节假日安排的通知): the holidays (days off, 放假调休) and the make-up working days (调休上班,
 * weekend days that are worked). Every other Monday to Friday is a working day, every other Saturday and Sunday is not.
 *
 * <p>A year whose notice is not yet published is {@code provisional}: it usually lists no holidays (weekends only),
 * and every due date that depends on it says so. The admin loads the official year when it is published.
 *
 * @param source the notice the data comes from (e.g. 国办发明电〔2024〕12号), or why the year is provisional
 * @param holidays the holiday periods; every date lies in {@code year}
 * @param makeUpWorkingDays the weekend days that are working days; every date lies in {@code year}
 */
public record CalendarYear(
        int year, boolean provisional, String source, List<Holiday> holidays, List<LocalDate> makeUpWorkingDays) {

    public static final int EARLIEST_YEAR = 2000;
    public static final int LATEST_YEAR = 2100;

    public CalendarYear {
        holidays = holidays == null
                ? List.of()
                : holidays.stream().sorted(Comparator.comparing(Holiday::from)).toList();
        makeUpWorkingDays = makeUpWorkingDays == null
                ? List.of()
                : makeUpWorkingDays.stream().sorted().distinct().toList();
        List<String> problems = problems(year, source, holidays, makeUpWorkingDays);
        if (!problems.isEmpty()) {
            throw new InvalidCalendarYearException(problems);
        }
    }

    /** A year without a published notice: weekends only, flagged provisional. */
    public static CalendarYear weekendsOnly(int year, String source) {
        return new CalendarYear(year, true, source, List.of(), List.of());
    }

    /** Whether the date is one of this year's holidays. */
    public boolean isHoliday(LocalDate date) {
        return holidays.stream().anyMatch(holiday -> holiday.contains(date));
    }

    /** Whether the date is one of this year's make-up working days. */
    public boolean isMakeUpWorkingDay(LocalDate date) {
        return makeUpWorkingDays.contains(date);
    }

    private static List<String> problems(
            int year, String source, List<Holiday> holidays, List<LocalDate> makeUpWorkingDays) {
        List<String> problems = new ArrayList<>();
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            problems.add("year " + year + " is outside " + EARLIEST_YEAR + "–" + LATEST_YEAR);
        }
        if (source == null || source.isBlank()) {
            problems.add("source: name the notice the data comes from");
        }
        Set<LocalDate> holidayDates = new HashSet<>();
        for (Holiday holiday : holidays) {
            Objects.requireNonNull(holiday, "holiday");
            if (holiday.from().getYear() != year || holiday.to().getYear() != year) {
                problems.add("holiday " + holiday.name() + " (" + holiday.from() + "–" + holiday.to()
                        + ") lies outside " + year);
                continue;
            }
            for (LocalDate day = holiday.from(); !day.isAfter(holiday.to()); day = day.plusDays(1)) {
                if (!holidayDates.add(day)) {
                    problems.add(day + " is in two holidays");
                }
            }
        }
        for (LocalDate day : makeUpWorkingDays) {
            Objects.requireNonNull(day, "make-up working day");
            if (day.getYear() != year) {
                problems.add("make-up working day " + day + " lies outside " + year);
            } else if (holidayDates.contains(day)) {
                problems.add(day + " is both a holiday and a make-up working day");
            } else if (!WorkingCalendar.isWeekend(day)) {
                problems.add("make-up working day " + day + " is not a Saturday or Sunday");
            }
        }
        return problems;
    }
}
