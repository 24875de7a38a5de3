package cn.qinqing.oversight.web;

import cn.qinqing.platform.web.InvalidRequestException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Request parameters shared by the read endpoints. */
final class Params {

    private Params() {}

    /** A month such as {@code 2025-10}; null when absent. */
    static YearMonth month(String text) {
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

    /** The instant asked about: now when absent; a future instant is refused (nothing is known of it yet). */
    static Instant asOf(Instant asOf) {
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
