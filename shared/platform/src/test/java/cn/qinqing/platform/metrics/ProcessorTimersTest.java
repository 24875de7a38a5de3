package cn.qinqing.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Axon's processor timers lose their client-side percentiles (heap and a recording per event); others keep them. */
class ProcessorTimersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    ProcessorTimersTest() {
        registry.config()
                .meterFilter(new PlatformMetricsAutoConfiguration().qinqingProcessorTimersWithoutPercentiles());
    }

    private Timer timer(String name) {
        // as axon-micrometer's MessageTimerMonitor builds them
        return Timer.builder(name)
                .distributionStatisticExpiry(Duration.ofMinutes(10))
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                .tag("payloadType", "AppealFiledEvent")
                .register(registry);
    }

    @Test
    void aProcessorsTimerCountsSumsAndMaxesWithoutPercentiles() {
        Timer processor = timer("eventProcessor.allTimer");
        processor.record(Duration.ofMillis(3));
        processor.record(Duration.ofMillis(5));

        assertThat(processor.count()).isEqualTo(2);
        assertThat(processor.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(8.0);
        assertThat(processor.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(5.0);
        assertThat(processor.takeSnapshot().percentileValues()).isEmpty();
    }

    @Test
    void theCommandBusKeepsItsPercentilesForTheDashboard() {
        Timer commands = timer("commandBus.allTimer");
        commands.record(Duration.ofMillis(3));

        assertThat(commands.takeSnapshot().percentileValues()).hasSize(6);
    }
}
