package cn.qinqing.resolution.casefile.command;

import java.time.Duration;
import java.time.Instant;

/** How an SLA clock counts time: on the working calendar in production, plain elapsed time in short tests. */
public interface SlaClock {

    /** The instant {@code time} of counted time after {@code start}. */
    Instant add(Instant start, Duration time);

    /** The counted time between two instants (zero when {@code to} is not after {@code from}). */
    Duration between(Instant from, Instant to);

    /** Whether a result between the two instants rests on a provisional calendar year. */
    boolean provisional(Instant from, Instant to);
}
