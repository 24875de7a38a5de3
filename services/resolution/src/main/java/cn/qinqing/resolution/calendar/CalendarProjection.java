package cn.qinqing.resolution.calendar;

import cn.qinqing.language.calendar.CalendarFiles;
import cn.qinqing.language.calendar.WorkingCalendarLoadedEvent;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the last loaded version of every calendar year; a redelivered or older load changes nothing. */
@Component
@ProcessingGroup(CalendarProjection.GROUP)
class CalendarProjection {

    static final String GROUP = "resolution-calendar";

    private final JdbcTemplate jdbc;
    private final CalendarInForce calendar;

    CalendarProjection(JdbcTemplate jdbc, CalendarInForce calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @EventHandler
    void on(WorkingCalendarLoadedEvent event) {
        jdbc.update(
                "INSERT INTO calendar_year (year, data, loaded_by, loaded_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (year) DO UPDATE SET data = excluded.data, loaded_by = excluded.loaded_by,"
                        + " loaded_at = excluded.loaded_at WHERE calendar_year.loaded_at <= excluded.loaded_at",
                event.year(),
                CalendarFiles.write(event.calendarYear()),
                event.loadedBy(),
                Timestamp.from(event.loadedAt()));
        calendar.forget();
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM calendar_year");
        calendar.forget();
    }
}
