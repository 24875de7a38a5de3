package cn.qinqing.assignment.calendar;

import cn.qinqing.language.calendar.WorkingCalendarLoadedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the years of the working calendar an admin loaded, in the service's schema so that every instance counts on
 * the same calendar. The latest load of a year wins, by its place in the event stream.
 */
@Component
@ProcessingGroup(CalendarYearsProjection.GROUP)
class CalendarYearsProjection {

    static final String GROUP = "assignment-calendar";

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    CalendarYearsProjection(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(WorkingCalendarLoadedEvent event, TrackingToken token) throws JsonProcessingException {
        long position = token == null ? 0 : token.position().orElse(0);
        jdbc.update(
                "INSERT INTO calendar_year (year, data, position, loaded_at) VALUES (?, ?::jsonb, ?, ?)"
                        + " ON CONFLICT (year) DO UPDATE SET data = excluded.data, position = excluded.position,"
                        + " loaded_at = excluded.loaded_at WHERE calendar_year.position < excluded.position",
                event.year(),
                mapper.writeValueAsString(event),
                position,
                Timestamp.from(event.loadedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM calendar_year");
    }
}
