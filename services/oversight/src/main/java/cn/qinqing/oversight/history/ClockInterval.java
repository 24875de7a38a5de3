package cn.qinqing.oversight.history;

import java.time.Instant;
import java.util.NavigableSet;
import java.util.Optional;

/**
 * The instants {@code [from, until)} at which, with the same events, a history owes the same: an item counts as late
 * once the clock is past its due instant ({@code due.isBefore(at)}) and an action item once the clock is at it
 * ({@code !due.isAfter(at)}), so a due instant {@code d} changes what is owed at {@code d} and just after it. A fold
 * may be used again at any instant of its interval (the KPI units, the overdue list).
 */
public record ClockInterval(Instant from, Instant until) {

    /** The interval around the instant the history was evaluated at; empty when it depends on the clock throughout. */
    public static Optional<ClockInterval> of(AppealHistory history) {
        return history.clockBoundaries().map(dues -> around(history.evaluatedAt(), dues));
    }

    static ClockInterval around(Instant at, NavigableSet<Instant> dues) {
        Instant from = Instant.MIN;
        Instant until = Instant.MAX;
        for (Instant due : dues) {
            for (Instant change : new Instant[] {due, due.plusNanos(1)}) {
                if (!change.isAfter(at)) {
                    from = change.isAfter(from) ? change : from;
                } else if (change.isBefore(until)) {
                    until = change;
                }
            }
        }
        return new ClockInterval(from, until);
    }

    public boolean holds(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
