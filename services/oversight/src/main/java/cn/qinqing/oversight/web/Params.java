package cn.qinqing.oversight.web;

import cn.qinqing.platform.web.InvalidRequestException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Request parameters shared by the read endpoints. */
public final class Params {

    /** What a department or leader id may look like in a query parameter. */
    public static final String ID = "[A-Za-z0-9._:-]{1,64}";

    private Params() {}

    /** A month such as {@code 2025-10}; null when absent. */
    public static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (!text.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM", text, 0);
            }
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month", "must be a month such as 2025-10");
        }
    }

    /** A month named in the path: required, so a blank one is refused like a malformed one (never a 500). */
    public static YearMonth requiredMonth(String text) {
        YearMonth month = month(text);
        if (month == null) {
            throw new InvalidRequestException("month", "must be a month such as 2025-10");
        }
        return month;
    }

    /** The instant asked about: now when absent; a future instant is refused (nothing is known of it yet). */
    public static Instant asOf(Instant asOf) {
        Instant now = Instant.now();
        if (asOf == null) {
            return now;
        }
        if (asOf.isAfter(now)) {
            throw new InvalidRequestException("asOf", "must not be in the future");
        }
        return asOf;
    }
}
