package cn.qinqing.identity.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name and client address: after {@code max-failures} failures within {@code window}
 * that pair is refused, without its password even being checked, until the oldest of those failures is a window old. A
 * success clears the count. An address is also counted on its own, whatever the user names: after
 * {@code max-failures-per-address} failures within the window (guessing across many accounts) every sign-in from it is
 * refused the same way; a success does not clear that count. The failures are kept in PostgreSQL (table
 * {@code login_failure}), so the limits hold across every instance of identity and across restarts.
 */
@Component
class LoginAttempts {

    static final String USER = "user";
    static final String ADDRESS = "address";

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Clock clock;
    private final LoginFailures failures;

    @Autowired
    LoginAttempts(
            @Value("${qinqing.identity.login.max-failures:10}") int maxFailures,
            @Value("${qinqing.identity.login.max-failures-per-address:50}") int maxFailuresPerAddress,
            @Value("${qinqing.identity.login.window:5m}") Duration window,
            JdbcTemplate jdbc) {
        this(maxFailures, maxFailuresPerAddress, window, Clock.systemUTC(), new JdbcLoginFailures(jdbc));
    }

    /** In this JVM's memory only: for tests of the counting rules. */
    LoginAttempts(int maxFailures, int maxFailuresPerAddress, Duration window, Clock clock) {
        this(maxFailures, maxFailuresPerAddress, window, clock, new InMemoryLoginFailures());
    }

    LoginAttempts(int maxFailures, int maxFailuresPerAddress, Duration window, Clock clock, LoginFailures failures) {
        if (maxFailures < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least one failure and a positive window");
        }
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.clock = clock;
        this.failures = failures;
    }

    static String key(String username, String address) {
        return (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)) + "|" + address;
    }

    Duration window() {
        return window;
    }

    boolean isLocked(String key) {
        return failures.count(USER, key, horizon()) >= maxFailures;
    }

    /** Whether this address failed too often, whatever user names it tried. */
    boolean isAddressLocked(String address) {
        return failures.count(ADDRESS, address, horizon()) >= maxFailuresPerAddress;
    }

    void failed(String key) {
        failures.record(USER, key, clock.instant(), horizon());
    }

    void failedFrom(String address) {
        failures.record(ADDRESS, address, clock.instant(), horizon());
    }

    void succeeded(String key) {
        failures.clear(USER, key);
    }

    private Instant horizon() {
        return clock.instant().minus(window);
    }
}
