package cn.qinqing.identity.token;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R12 for the identity service: Spring Authorization Server keeps a row in {@code oauth2_authorization} for every
 * token it issues (every sign-in, every client-credentials grant) and never deletes one. Once every code and token of
 * an authorization has expired it can no longer be used or refreshed; {@code retention} (1 day) after that it is
 * deleted, by a job that runs every {@code interval} on each instance (a delete by age is idempotent). An
 * authorization without any expiry (a request still waiting for consent) has nothing to age by and is kept.
 */
@Component
public class ExpiredAuthorizations implements InitializingBean, DisposableBean {

    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizations.class);

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    ExpiredAuthorizations(
            JdbcTemplate jdbc,
            @Value("${qinqing.identity.retention.expired-authorizations:1d}") Duration retention,
            @Value("${qinqing.identity.retention.interval:1h}") Duration interval) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.interval = interval;
        this.clock = Clock.systemUTC();
    }

    /** Deletes the authorizations whose last code or token expired more than the retention ago; answers how many. */
    public long enforce() {
        Timestamp cutOff = Timestamp.from(clock.instant().minus(retention));
        long total = 0;
        int batch;
        do {
            batch = jdbc.update(
                    "DELETE FROM oauth2_authorization WHERE id IN (SELECT id FROM oauth2_authorization"
                            + " WHERE greatest(authorization_code_expires_at, access_token_expires_at,"
                            + " oidc_id_token_expires_at, refresh_token_expires_at, user_code_expires_at,"
                            + " device_code_expires_at) < ? LIMIT " + BATCH + ")",
                    cutOff);
            total += batch;
        } while (batch >= BATCH);
        if (total > 0) {
            log.info("Retention: deleted {} authorizations expired more than {} ago", total, retention);
        }
        return total;
    }

    @Override
    public void afterPropertiesSet() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        enforce();
                    } catch (RuntimeException e) {
                        log.warn("Retention: could not delete expired authorizations this time: {}", e.toString());
                    }
                },
                Duration.ofMinutes(1).toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
