package cn.qinqing.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

/**
 * Axon's registry with one change: a processor's capacity is measured over {@code window} instead of Axon's fixed ten
 * minutes. {@link CapacityMonitor} keeps one boxed entry of a skip list (~85 bytes) for every message it saw in its
 * window: a replay at 10,000 events/s held 1.2 million of them, 100 MiB of oversight's 256 MiB heap, and the first
 * KPI read after it ran out of memory (issue 17, docs/performance.md). The meters, their names and tags are Axon's.
 */
class BoundedCapacityMetricRegistry extends GlobalMetricRegistry {

    private final Duration window;

    BoundedCapacityMetricRegistry(MeterRegistry registry, Duration window) {
        super(registry);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the capacity window must be positive, not " + window);
        }
        this.window = window;
    }

    /** As Axon's, with the capacity monitor's window bounded (the other three monitors keep no list of messages). */
    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String eventProcessorName,
            Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        MeterRegistry registry = getRegistry();
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(eventProcessorName, registry, tagsBuilder),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(eventProcessorName)
                        .meterRegistry(registry)
                        .tagsBuilder(latencyTagsBuilder)
                        .build(),
                CapacityMonitor.buildMonitor(
                        eventProcessorName,
                        registry,
                        window.toMillis(),
                        TimeUnit.MILLISECONDS,
                        registry.config().clock(),
                        tagsBuilder),
                MessageCountingMonitor.buildMonitor(eventProcessorName, registry, tagsBuilder)));
    }
}
