package cn.qinqing.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Instants as the city reads them: Beijing time ({@code Asia/Shanghai}). Used in templates as {@code @dates}. */
@Component("dates")
public class Dates {

    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(CITY));
    }

    /** The time of day only, for slots within a day: {@code 07:30}. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(CITY));
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(CITY));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** An instant the API gave as ISO-8601 text (in a timeline's details), in Beijing time; the text if not one. */
    public String formatText(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return format(Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return iso;
        }
    }

    /** For {@code <time datetime>}: the instant in ISO-8601. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
