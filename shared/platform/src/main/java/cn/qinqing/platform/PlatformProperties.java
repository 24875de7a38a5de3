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
            processing = new Processing(0, 0, 0, null, null, null, null, 0, null, 0);
        }
    }

    /**
     * Defaults for every pooled streaming processor of the service.
     *
     * @param batchSize events handled in one transaction; 1 (Axon's default) stores the token after every event
     * @param segments segments a new processor starts with. A batch is one transaction per segment: a second segment
     *     split every burst in two, and with one a filing cost the platform about 40 % less CPU and half the commits
     *     (docs/performance.md). When a second instance of the service starts, the segment balancer splits the
     *     segment, so that each instance has a half
     * @param threads worker threads of each processor
     * @param claimTimeout after this long without an update, another instance may take over a segment
     * @param pollInterval how long the event store waits before polling when nobody woke it up
     * @param coalesce events arriving within this long of the previous wake-up are handed to the processors together
     * @param readYourWrites how long a write waits at most for the service's own views to show it (ADR 0008)
     * @param cachedEvents events the event store keeps in memory for its processors to share; Axon's default, 10,000,
     *     was 15–20 MiB of every service's heap (the R11 soak's "rise"), while the processors run a few dozen behind
     * @param cleanupDelay how often the event store lets a processor that fell out of that cache go on by itself. A
     *     processor whose buffers are full still holds its place in the cache, and with it every event the store's
     *     producer reads meanwhile: at Axon's default, 10 s, that is every event of a burst read in those 10 s
     * @param gapCleaningThreshold how many gaps (positions taken by appends that rolled back) a processor's token may
     *     carry before the store drops those older than a minute. Every fetch asks for each gap again and every token
     *     write stores them all; at Axon's default, 250, a gap stayed until 10,000 events later, and the demo seeding's
     *     refused appends alone left 34 on every start of the platform (OldGapsIT)
     */
    public record Processing(
            int batchSize,
            int segments,
            int threads,
            Duration claimTimeout,
            Duration pollInterval,
            Duration coalesce,
            Duration readYourWrites,
            int cachedEvents,
            Duration cleanupDelay,
            int gapCleaningThreshold) {

        /** Any setting left out keeps its default, so that one property can be tuned alone. */
        public Processing {
            batchSize = batchSize > 0 ? batchSize : 100;
            segments = segments > 0 ? segments : 1;
            threads = threads > 0 ? threads : 2;
            claimTimeout = claimTimeout != null ? claimTimeout : Duration.ofSeconds(10);
            pollInterval = pollInterval != null ? pollInterval : Duration.ofSeconds(1);
            coalesce = coalesce != null ? coalesce : Duration.ofMillis(5);
            readYourWrites = readYourWrites != null ? readYourWrites : Duration.ofSeconds(2);
            cachedEvents = cachedEvents > 0 ? cachedEvents : 1_000;
            cleanupDelay = cleanupDelay != null ? cleanupDelay : Duration.ofMillis(200);
            gapCleaningThreshold = gapCleaningThreshold > 0 ? gapCleaningThreshold : 8;
        }
    }
}
