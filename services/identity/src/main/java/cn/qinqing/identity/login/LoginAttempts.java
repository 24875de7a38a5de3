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
 * success clears the count. Kept in this instance's memory: a restart forgets, and several instances each count their
 * own share — enough to slow down password guessing, which is all it is for.
 */
@Component
class LoginAttempts {

    private static final int PURGE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Autowired
    LoginAttempts(
            @Value("${qinqing.identity.login.max-failures:10}") int maxFailures,
            @Value("${qinqing.identity.login.window:5m}") Duration window) {
        this(maxFailures, window, Clock.systemUTC());
    }

    LoginAttempts(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least one failure and a positive window");
        }
        this.maxFailures = maxFailures;
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
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            forgetOld(recent);
            return recent.size() >= maxFailures;
        }
    }

    void failed(String key) {
        if (failures.size() > PURGE_ABOVE) {
            purge();
        }
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
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

    private void purge() {
        failures.values().removeIf(recent -> {
            synchronized (recent) {
                forgetOld(recent);
                return recent.isEmpty();
            }
        });
    }
}
