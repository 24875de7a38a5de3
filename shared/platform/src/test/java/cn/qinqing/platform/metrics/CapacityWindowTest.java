package cn.qinqing.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A processor's capacity forgets what it handled once the window has passed, so a replay's millions of events are
 * not all held for Axon's ten minutes (issue 17: 1.2 million entries, 100 MiB of a 256 MiB heap).
 */
class CapacityWindowTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    private double capacity() {
        return meters.get("eventProcessor.capacity").gauge().value();
    }

    @Test
    void whatWasHandledCountsForTheWindowAndIsThenForgotten() {
        var registry = new BoundedCapacityMetricRegistry(meters, Duration.ofMillis(100));
        var monitor = registry.registerEventProcessor(
                "eventProcessor", message -> Tags.of("processorName", "read-models"), message -> Tags.empty());

        var callback = monitor.onMessageIngested(GenericEventMessage.asEventMessage("filed"));
        clock.add(50, TimeUnit.MILLISECONDS);
        callback.reportSuccess();
        assertThat(capacity()).as("busy 50 of the 100 ms").isEqualTo(0.5);

        clock.add(200, TimeUnit.MILLISECONDS);
        assertThat(capacity()).as("the window has passed").isZero();
    }

    @Test
    void theWindowMustBePositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new BoundedCapacityMetricRegistry(meters, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void axonsAutoConfigurationStepsBackForIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class,
                        PlatformMetricsAutoConfiguration.class,
                        org.axonframework.springboot.autoconfig.MetricsAutoConfiguration.class,
                        MicrometerMetricsAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(GlobalMetricRegistry.class))
                        .isInstanceOf(BoundedCapacityMetricRegistry.class));
    }
}
