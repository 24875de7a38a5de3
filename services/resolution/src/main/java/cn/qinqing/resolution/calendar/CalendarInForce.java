package cn.qinqing.resolution.calendar;

import cn.qinqing.language.calendar.CalendarFiles;
import cn.qinqing.language.calendar.WorkingCalendar;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The working calendar in force: the years bundled with the platform, each replaced by the year an admin loaded
 * last ({@code WorkingCalendarLoadedEvent}, kept in {@code calendar_year} by {@link CalendarProjection}). Read from
 * the database, so that every instance counts with the same calendar: at most once a second (a burst of requests,
 * each asking where working time resumes, costs one query, not a connection each), and afresh as soon as this
 * instance's projection stored a year.
 */
@Component
public class CalendarInForce {

    private static final WorkingCalendar BUNDLED = WorkingCalendar.bundled();

    private static final long FRESH_FOR_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final JdbcTemplate jdbc;
    private volatile Snapshot snapshot;

    CalendarInForce(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public WorkingCalendar current() {
        Snapshot last = snapshot;
        if (last != null && System.nanoTime() - last.takenAt() < FRESH_FOR_NANOS) {
            return last.calendar();
        }
        WorkingCalendar calendar = BUNDLED;
        for (String data : jdbc.queryForList("SELECT data FROM calendar_year ORDER BY year", String.class)) {
            calendar = calendar.with(CalendarFiles.read(data));
        }
        snapshot = new Snapshot(calendar, System.nanoTime());
        return calendar;
    }

    /** The projection stored a year: the next use reads the database. */
    void forget() {
        snapshot = null;
    }

    private record Snapshot(WorkingCalendar calendar, long takenAt) {}

    /** Years an admin loaded (as opposed to bundled ones). */
    List<Integer> loadedYears() {
        return jdbc.queryForList("SELECT year FROM calendar_year ORDER BY year", Integer.class);
    }
}
