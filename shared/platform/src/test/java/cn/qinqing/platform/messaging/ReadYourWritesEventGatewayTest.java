package cn.qinqing.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A write that is an event without a command (the resolution service's calendar load) reads its own write too: before
 * the gateway was decorated and events without an aggregate were counted, a GET straight after the PUT showed the
 * calendar as it was.
 */
class ReadYourWritesEventGatewayTest {

    private final List<String> seen = new ArrayList<>();
    private ReadYourWritesEventGateway gateway;

    @BeforeEach
    void aRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        gateway = new ReadYourWritesEventGateway(new EventGateway() {
            @Override
            public void publish(List<?> events) {
                // what the event store's after-commit hook leaves for the request
                ReadYourWrites.defer(() -> seen.add("waited"));
                seen.add("committed " + events.size());
            }

            @Override
            public Registration registerDispatchInterceptor(
                    MessageDispatchInterceptor<? super EventMessage<?>> dispatchInterceptor) {
                return () -> true;
            }
        });
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void publishWaitsForTheViewsOnceTheEventIsCommittedAndBeforeItReturns() {
        gateway.publish("calendar loaded");

        assertThat(seen).containsExactly("committed 1", "waited");
    }

    @Test
    void anEventWithoutAnAggregateIsLookedForAsTheStoreKeepsIt() {
        EventMessage<String> loaded = GenericEventMessage.asEventMessage("calendar loaded");
        DomainEventMessage<?> stored = ReadYourWrites.asStored(loaded);

        assertThat(stored.getAggregateIdentifier()).isEqualTo(loaded.getIdentifier());
        assertThat(stored.getSequenceNumber()).isZero();
        assertThat(stored.getIdentifier()).isEqualTo(loaded.getIdentifier());
        assertThat(stored.getPayload()).isEqualTo("calendar loaded");

        var domain = new GenericDomainEventMessage<>("Appeal", "a-1", 3, "filed");
        assertThat(ReadYourWrites.asStored(domain)).isSameAs(domain);
    }
}
