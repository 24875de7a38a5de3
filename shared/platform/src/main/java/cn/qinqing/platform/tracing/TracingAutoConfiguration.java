package cn.qinqing.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.util.function.SingletonSupplier;

/**
 * Traces follow messages (MessageTracing). Spans are recorded and sent by OTLP only when {@code
 * management.tracing.enabled=true} (the platform's default is false; docs/operations.md, Traces); the log context of
 * event handlers (correlation and causation ids) is there either way.
 */
@AutoConfiguration(
        after = {MicrometerTracingAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class},
        afterName = "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryPropagationConfigurations")
@ConditionalOnClass(CommandBus.class)
public class TracingAutoConfiguration {

    /**
     * The traceparent of the current span goes into every message created while another is handled. Axon asks for it
     * for every message it creates, a handler's result included (one per event a processor handles), so the tracer
     * and the propagator are looked up once, at the first message: a bean lookup per message cost a replay about a
     * fifth of its worker threads' samples (docs/performance.md, issue 17).
     */
    @Bean
    CorrelationDataProvider qinqingTraceparent(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        SingletonSupplier<MessageTracing> tracing = SingletonSupplier.of(
                () -> new MessageTracing(tracer.getIfAvailable(), propagator.getIfAvailable(), ""));
        return message -> tracing.obtain().correlationDataFor(message);
    }

    @Bean
    ConfigurerModule qinqingMessageTracingInterceptors(
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return configurer -> {
            configurer
                    .eventProcessing()
                    .registerDefaultHandlerInterceptor((config, processor) ->
                            new MessageTracing(tracer.getIfAvailable(), propagator.getIfAvailable(), "event"));
            configurer.onInitialize(config -> config.onStart(Integer.MIN_VALUE, () -> config.commandBus()
                    .registerHandlerInterceptor(
                            new MessageTracing(tracer.getIfAvailable(), propagator.getIfAvailable(), "command"))));
        };
    }
}
