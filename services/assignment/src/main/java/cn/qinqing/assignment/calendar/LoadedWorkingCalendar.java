package cn.qinqing.assignment.calendar;

import cn.qinqing.language.calendar.CalendarYear;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.calendar.WorkingCalendarLoadedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The working calendar in force: the years bundled with the platform, each replaced by the year an admin loaded, if
 * any. Read at every use (a handful of rows), so that every instance of the service agrees.
 */
@Component
public class LoadedWorkingCalendar {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final WorkingCalendar bundled = WorkingCalendar.bundled();

    LoadedWorkingCalendar(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public WorkingCalendar current() {
        List<String> loaded = jdbc.queryForList("SELECT data::text FROM calendar_year ORDER BY year", String.class);
        WorkingCalendar calendar = bundled;
        for (String data : loaded) {
            calendar = calendar.with(year(data));
        }
        return calendar;
    }

    private CalendarYear year(String data) {
        try {
            return mapper.readValue(data, WorkingCalendarLoadedEvent.class).calendarYear();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable calendar year in calendar_year", e);
        }
    }
}
