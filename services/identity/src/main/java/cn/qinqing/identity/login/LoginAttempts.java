package cn.qinqing.identity.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name and client address: after {@code max-failures} failures within {@code window}
 * that pair is refused, without its password even being checked, until the oldest of those failures is a window old. A
 * success clears the count. An address is also counted on its own, whatever the user names: after
 * {@code max-failures-per-address} failures within the window (guessing across many accounts) every sign-in from it is
 * refused the same way; a success does not clear that count. Kept in this instance's memory: a restart forgets, and several instances each count their
 * own share — enough to slow down password guessing, which is all it is for.
 */
@Component
class LoginAttempts {

    private static final int PURGE_ABOVE = 10_000;

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> addressFailures = new ConcurrentHashMap<>();

    @Autowired
    LoginAttempts(
            @Value("${qinqing.identity.login.max-failures:10}") int maxFailures,
            @Value("${qinqing.identity.login.max-failures-per-address:50}") int maxFailuresPerAddress,
            @Value("${qinqing.identity.login.window:5m}") Duration window) {
        this(maxFailures, maxFailuresPerAddress, window, Clock.systemUTC());
    }

    LoginAttempts(int maxFailures, int maxFailuresPerAddress, Duration window, Clock clock) {
        if (maxFailures < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least one failure and a positive window");
        }
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.clock = clock;
    }

    static String key(String username, String address) {
        return (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)) + "|" + address;
    }

    Duration window() {
        return window;
    }

    boolean isLocked(String key) {
        return isLocked(failures, key, maxFailures);
    }

    /** Whether this address failed too often, whatever user names it tried. */
    boolean isAddressLocked(String address) {
        return isLocked(addressFailures, address, maxFailuresPerAddress);
    }

    void failed(String key) {
        record(failures, key);
    }

    void failedFrom(String address) {
        record(addressFailures, address);
    }

    private boolean isLocked(Map<String, Deque<Instant>> counts, String key, int max) {
        Deque<Instant> recent = counts.get(key);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            forgetOld(recent);
            return recent.size() >= max;
        }
    }

    private void record(Map<String, Deque<Instant>> counts, String key) {
        if (counts.size() > PURGE_ABOVE) {
            purge(counts);
        }
        Deque<Instant> recent = counts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            forgetOld(recent);
            recent.addLast(clock.instant());
        }
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    private void forgetOld(Deque<Instant> recent) {
        Instant horizon = clock.instant().minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
    }

    private void purge(Map<String, Deque<Instant>> counts) {
        counts.values().removeIf(recent -> {
            synchronized (recent) {
                forgetOld(recent);
                return recent.isEmpty();
            }
        });
    }
}
