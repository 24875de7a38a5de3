package cn.qinqing.resolution.calendar;

import cn.qinqing.language.calendar.CalendarFiles;
import cn.qinqing.language.calendar.WorkingCalendar;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The working calendar in force: the years bundled with the platform, each replaced by the year an admin loaded
 * last ({@code WorkingCalendarLoadedEvent}, kept in {@code calendar_year} by {@link CalendarProjection}). Read from
 * the database on every use, so that every instance counts with the same calendar.
 */
@Component
public class CalendarInForce {

    private static final WorkingCalendar BUNDLED = WorkingCalendar.bundled();

    private final JdbcTemplate jdbc;

    CalendarInForce(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public WorkingCalendar current() {
        WorkingCalendar calendar = BUNDLED;
        for (String data : jdbc.queryForList("SELECT data FROM calendar_year ORDER BY year", String.class)) {
            calendar = calendar.with(CalendarFiles.read(data));
        }
        return calendar;
    }

    /** Years an admin loaded (as opposed to bundled ones). */
    List<Integer> loadedYears() {
        return jdbc.queryForList("SELECT year FROM calendar_year ORDER BY year", Integer.class);
    }
}
