package cn.qinqing.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class TracingAutoConfigurationTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyMessageCarriesOnTheTraceparentWhileTheTracerIsLookedUpOnce() {
        ObjectProvider<Tracer> tracer = mock(ObjectProvider.class);
        ObjectProvider<Propagator> propagator = mock(ObjectProvider.class);
        when(tracer.getIfAvailable()).thenReturn(null);
        when(propagator.getIfAvailable()).thenReturn(null);
        CorrelationDataProvider provider = new TracingAutoConfiguration().qinqingTraceparent(tracer, propagator);
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        for (int i = 0; i < 3; i++) {
            var message = GenericEventMessage.asEventMessage("handled")
                    .andMetaData(Map.of(MessageTracing.TRACEPARENT, traceparent));
            assertThat((Map<String, Object>) provider.correlationDataFor(message))
                    .isEqualTo(Map.of(MessageTracing.TRACEPARENT, traceparent));
        }
        verify(tracer, times(1)).getIfAvailable();
        verify(propagator, times(1)).getIfAvailable();
    }
}
