package cn.qinqing.language.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An admin loaded one year of the working calendar (载入节假日安排), e.g. when the State Council published its notice.
 * Every service that counts working time replaces that year with this data, on every instance.
 *
 * @param loadedBy the admin's subject
 */
@Revision("1")
public record WorkingCalendarLoadedEvent(
        int year,
        boolean provisional,
        String source,
        List<Holiday> holidays,
        List<LocalDate> makeUpWorkingDays,
        String loadedBy,
        Instant loadedAt) {

    public WorkingCalendarLoadedEvent {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : List.copyOf(makeUpWorkingDays);
    }

    /** The year's data as the calendar uses it. */
    public CalendarYear calendarYear() {
        return new CalendarYear(year, provisional, source, holidays, makeUpWorkingDays);
    }
}
