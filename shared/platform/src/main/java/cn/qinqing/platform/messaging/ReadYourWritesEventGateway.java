package cn.qinqing.platform.messaging;

import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * The event gateway a controller holds, for a write that is an event without a command (the resolution service's
 * calendar load): once the events are committed, it waits for this service's views to show them ({@link
 * ReadYourWrites#awaitPending()}), as {@link ReadYourWritesGateway} does for a command. Outside a client's request
 * (a reaction, a test) there is nothing to wait for.
 */
final class ReadYourWritesEventGateway implements EventGateway {

    private final EventGateway delegate;

    ReadYourWritesEventGateway(EventGateway delegate) {
        this.delegate = delegate;
    }

    @Override
    public void publish(List<?> events) {
        try {
            delegate.publish(events);
        } finally {
            ReadYourWrites.awaitPending();
        }
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super EventMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }
}
