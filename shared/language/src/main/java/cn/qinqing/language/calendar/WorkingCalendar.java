package cn.qinqing.language.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Chinese working calendar that SLA clocks count on: statutory holidays and make-up working days (调休上班) per
 * year, and the working hours of a government office.
 *
 * <ul>
 *   <li><b>Working day</b>: a date that is a make-up working day of its year, or a Monday to Friday that is not one of
 *       its year's holidays.
 *   <li><b>Working hours</b>: 09:00–12:00 and 13:30–17:30, Asia/Shanghai, on working days: 7 hours a day.
 *   <li><b>Working time</b> is counted only within working hours. A duration of N working days is N × 7 working
 *       hours: a clock started on Friday at 10:00 with one working day runs out on the next working day at 10:00; one
 *       started outside working hours (at night, on a holiday) starts counting at the next opening time, so one working
 *       day from Saturday noon runs out on Monday at 17:30. This makes pausing exact: a clock paused for some working
 *       time moves its due date by exactly that working time.
 *   <li>A year without data, or whose data is {@link CalendarYear#provisional() provisional}, counts weekends only;
 *       {@link #dependsOnProvisionalYear} tells whether a result rests on such a year.
 * </ul>
 *
 * Instances are immutable; {@link #with} gives a calendar with one year replaced (an admin loaded its notice).
 */
public final class WorkingCalendar {

    /** The time zone working hours are counted in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Morning working hours. */
    public static final LocalTime MORNING_START = LocalTime.of(9, 0);

    public static final LocalTime MORNING_END = LocalTime.of(12, 0);
    /** Afternoon working hours. */
    public static final LocalTime AFTERNOON_START = LocalTime.of(13, 30);

    public static final LocalTime AFTERNOON_END = LocalTime.of(17, 30);
    /** The working time in one working day. */
    public static final Duration WORKING_DAY =
            Duration.between(MORNING_START, MORNING_END).plus(Duration.between(AFTERNOON_START, AFTERNOON_END));

    private static final List<LocalTime[]> WORKING_HOURS =
            List.of(new LocalTime[] {MORNING_START, MORNING_END}, new LocalTime[] {AFTERNOON_START, AFTERNOON_END});
    /** Far more working days than any clock needs; guards the loops against a nonsensical request. */
    private static final int MAX_DAYS = 366 * 20;

    private final Map<Integer, CalendarYear> years;

    private WorkingCalendar(Map<Integer, CalendarYear> years) {
        this.years = years;
    }

    /** The calendar of the given years; later entries replace earlier ones of the same year. */
    public static WorkingCalendar of(Collection<CalendarYear> years) {
        TreeMap<Integer, CalendarYear> byYear = new TreeMap<>();
        years.forEach(year -> byYear.put(year.year(), year));
        return new WorkingCalendar(java.util.Collections.unmodifiableSortedMap(byYear));
    }

    /** The calendar of the years bundled with the platform ({@code calendar/<year>.json} on the class path). */
    public static WorkingCalendar bundled() {
        return of(CalendarFiles.bundled());
    }

    /** This calendar with the given year added or replaced. */
    public WorkingCalendar with(CalendarYear year) {
        TreeMap<Integer, CalendarYear> byYear = new TreeMap<>(years);
        byYear.put(year.year(), year);
        return new WorkingCalendar(java.util.Collections.unmodifiableSortedMap(byYear));
    }

    /** The years this calendar has data for, in order. */
    public List<CalendarYear> years() {
        return List.copyOf(years.values());
    }

    /** The data of one year, if the calendar has it. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** Whether the year counts weekends only for want of a published notice (no data, or data flagged provisional). */
    public boolean isProvisional(int year) {
        CalendarYear data = years.get(year);
        return data == null || data.provisional();
    }

    /** Whether a result spanning the two instants (in either order) depends on a provisional year. */
    public boolean dependsOnProvisionalYear(Instant from, Instant to) {
        int first = localDate(from.isBefore(to) ? from : to).getYear();
        int last = localDate(from.isBefore(to) ? to : from).getYear();
        for (int year = first; year <= last; year++) {
            if (isProvisional(year)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the date is a working day. */
    public boolean isWorkingDay(LocalDate date) {
        CalendarYear data = years.get(date.getYear());
        if (data != null) {
            if (data.isMakeUpWorkingDay(date)) {
                return true;
            }
            if (data.isHoliday(date)) {
                return false;
            }
        }
        return !isWeekend(date);
    }

    /** The {@code days}-th working day after the date (the date itself not counted); the date itself for 0. */
    public LocalDate addWorkingDays(LocalDate date, int days) {
        requireNotNegative(days);
        LocalDate day = date;
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The instant {@code days} working days (each {@link #WORKING_DAY}) of working time after {@code start}. */
    public Instant addWorkingDays(Instant start, int days) {
        requireNotNegative(days);
        return addWorkingTime(start, WORKING_DAY.multipliedBy(days));
    }

    /** The instant {@code hours} working hours after {@code start}. */
    public Instant addWorkingHours(Instant start, int hours) {
        requireNotNegative(hours);
        return addWorkingTime(start, Duration.ofHours(hours));
    }

    /**
     * The instant when {@code workingTime} of working time has passed after {@code start}. The result always lies
     * within (or at the end of) working hours; zero gives {@code start} itself.
     */
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + workingTime);
        }
        if (workingTime.isZero()) {
            return start;
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(start, ZONE);
        Duration left = workingTime;
        for (int guard = 0; guard < MAX_DAYS; guard++) {
            LocalDate day = cursor.toLocalDate();
            if (isWorkingDay(day)) {
                for (LocalTime[] period : WORKING_HOURS) {
                    LocalDateTime periodStart = day.atTime(period[0]);
                    LocalDateTime periodEnd = day.atTime(period[1]);
                    if (!periodEnd.isAfter(cursor)) {
                        continue;
                    }
                    LocalDateTime from = cursor.isAfter(periodStart) ? cursor : periodStart;
                    Duration available = Duration.between(from, periodEnd);
                    if (left.compareTo(available) <= 0) {
                        return from.plus(left).atZone(ZONE).toInstant();
                    }
                    left = left.minus(available);
                    cursor = periodEnd;
                }
            }
            cursor = day.plusDays(1).atStartOfDay();
        }
        throw new IllegalArgumentException("working time too long to count: " + workingTime);
    }

    /** The working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, ZONE);
        LocalDateTime end = LocalDateTime.ofInstant(to, ZONE);
        Duration total = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (LocalTime[] period : WORKING_HOURS) {
                LocalDateTime periodStart = day.atTime(period[0]);
                LocalDateTime periodEnd = day.atTime(period[1]);
                LocalDateTime overlapStart = start.isAfter(periodStart) ? start : periodStart;
                LocalDateTime overlapEnd = end.isBefore(periodEnd) ? end : periodEnd;
                if (overlapEnd.isAfter(overlapStart)) {
                    total = total.plus(Duration.between(overlapStart, overlapEnd));
                }
            }
        }
        return total;
    }

    /** Whether the instant lies within working hours of a working day. */
    public boolean isWorkingTime(Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZONE);
        if (!isWorkingDay(time.toLocalDate())) {
            return false;
        }
        LocalTime clock = time.toLocalTime();
        return WORKING_HOURS.stream().anyMatch(period -> !clock.isBefore(period[0]) && clock.isBefore(period[1]));
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    private static void requireNotNegative(int amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("must not be negative: " + amount);
        }
    }
}
