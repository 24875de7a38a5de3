package cn.qinqing.resolution.calendar;

import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.calendar.CalendarFiles;
import cn.qinqing.language.calendar.CalendarYear;
import cn.qinqing.language.calendar.Holiday;
import cn.qinqing.language.calendar.InvalidCalendarYearException;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.calendar.WorkingCalendarLoadedEvent;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.FieldError;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.web.CorrelationIdFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working calendar in force (工作日历): which years it knows, each year's holidays and make-up working days, and
 * whether a year is provisional. An admin loads a year's official notice with a PUT; the load is an event, so every
 * instance of every service counting working time picks it up.
 */
@RestController
@RequestMapping(path = "/api/resolution/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
class CalendarController {

    private final CalendarInForce calendar;
    private final EventGateway events;
    private final FreshReads reads;

    CalendarController(CalendarInForce calendar, EventGateway events, FreshReads reads) {
        this.calendar = calendar;
        this.events = events;
        this.reads = reads;
    }

    /** The calendar in force: one year when {@code year} is given, else every year it has data for. */
    @GetMapping
    ResponseEntity<?> get(@RequestParam(required = false) Integer year) {
        WorkingCalendar current = calendar.current();
        List<Integer> loaded = calendar.loadedYears();
        Object body;
        if (year != null) {
            if (year < CalendarYear.EARLIEST_YEAR || year > CalendarYear.LATEST_YEAR) {
                throw new InvalidRequestException(
                        "year", "must be between " + CalendarYear.EARLIEST_YEAR + " and " + CalendarYear.LATEST_YEAR);
            }
            body = current.year(year)
                    .map(data -> CalendarYearView.of(data, loaded.contains(year) ? "LOADED" : "BUNDLED"))
                    .orElseGet(() -> CalendarYearView.of(
                            CalendarYear.weekendsOnly(year, "无该年数据，仅按周末计算 / no data for this year: weekends only"),
                            "NONE"));
        } else {
            body = current.years().stream()
                    .map(data -> CalendarYearView.of(data, loaded.contains(data.year()) ? "LOADED" : "BUNDLED"))
                    .toList();
        }
        return reads.ok(CalendarProjection.GROUP).body(body);
    }

    /**
     * Loads one year in the calendar file format (see {@link CalendarFiles}); it replaces the bundled or earlier
     * loaded data of that year. Loading the same data again is harmless.
     */
    @PutMapping(path = "/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CalendarYearView> load(@PathVariable int year, @RequestBody String body) {
        CalendarYear data;
        try {
            data = CalendarFiles.read(body);
        } catch (InvalidCalendarYearException e) {
            throw new InvalidRequestException(e.problems().stream()
                    .map(problem -> new FieldError("calendar", problem))
                    .toList());
        }
        if (data.year() != year) {
            throw new InvalidRequestException("year", "must be " + data.year() + ", the year the file is for");
        }
        Actor actor = Actor.require();
        Map<String, Object> metadata = new HashMap<>(actor.asMetadata());
        metadata.put(
                MetadataKeys.CORRELATION,
                CorrelationIdFilter.current().orElse(UUID.randomUUID().toString()));
        events.publish(GenericEventMessage.asEventMessage(new WorkingCalendarLoadedEvent(
                        data.year(),
                        data.provisional(),
                        data.source(),
                        data.holidays(),
                        data.makeUpWorkingDays(),
                        actor.subject(),
                        Instant.now()))
                .andMetaData(metadata));
        return ResponseEntity.ok(CalendarYearView.of(data, "LOADED"));
    }

    /**
     * One year of the calendar as shown.
     *
     * @param origin BUNDLED (shipped with the platform), LOADED (by an admin) or NONE (no data: weekends only)
     */
    record CalendarYearView(
            int year,
            boolean provisional,
            String source,
            String origin,
            List<Holiday> holidays,
            List<LocalDate> makeUpWorkingDays,
            String timeZone,
            List<String> workingHours) {

        static CalendarYearView of(CalendarYear data, String origin) {
            return new CalendarYearView(
                    data.year(),
                    data.provisional(),
                    data.source(),
                    origin,
                    data.holidays(),
                    data.makeUpWorkingDays(),
                    WorkingCalendar.ZONE.getId(),
                    List.of(
                            WorkingCalendar.MORNING_START + "–" + WorkingCalendar.MORNING_END,
                            WorkingCalendar.AFTERNOON_START + "–" + WorkingCalendar.AFTERNOON_END));
        }
    }
}
