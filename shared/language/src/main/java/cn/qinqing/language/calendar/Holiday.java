package cn.qinqing.language.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A statutory holiday period (放假调休) as the State Council's notice states it: every date from {@code from} to
 * {@code to}, both included, is a day off, whatever weekday it falls on.
 *
 * @param name the holiday's name as in the notice, e.g. 春节
 */
public record Holiday(String name, LocalDate from, LocalDate to) {

    public Holiday {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a holiday needs a name");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "holiday " + name + " ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Whether the date is one of this holiday's days off. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
