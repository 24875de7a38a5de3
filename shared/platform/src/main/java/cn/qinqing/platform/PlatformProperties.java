package cn.qinqing.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service tells the platform about itself.
 *
 * @param name the service's name, the prefix of its processing groups and the actor of its reactions
 * @param schema the PostgreSQL schema it owns (tokens, dead letters, idempotency keys, read models)
 */
@ConfigurationProperties("qinqing.service")
public record PlatformProperties(String name, String schema, Processing processing) {

    public PlatformProperties {
        if (processing == null) {
            processing = new Processing(0, 0, 0, null, null);
        }
    }

    /**
     * Defaults for every pooled streaming processor of the service.
     *
     * @param batchSize events handled in one transaction; 1 (Axon's default) stores the token after every event
     * @param segments segments a new processor starts with, so that two instances can split the work
     * @param threads worker threads of each processor
     * @param claimTimeout after this long without an update, another instance may take over a segment
     * @param pollInterval how long the event store waits before polling when nobody woke it up
     */
    public record Processing(int batchSize, int segments, int threads, Duration claimTimeout, Duration pollInterval) {

        /** Any setting left out keeps its default, so that one property can be tuned alone. */
        public Processing {
            batchSize = batchSize > 0 ? batchSize : 100;
            segments = segments > 0 ? segments : 2;
            threads = threads > 0 ? threads : 2;
            claimTimeout = claimTimeout != null ? claimTimeout : Duration.ofSeconds(10);
            pollInterval = pollInterval != null ? pollInterval : Duration.ofSeconds(1);
        }
    }
}
