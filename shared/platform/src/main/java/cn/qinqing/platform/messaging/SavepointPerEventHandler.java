package cn.qinqing.platform.messaging;

import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each event handler of a processor inside a savepoint of the batch's transaction. When a handler's SQL fails,
 * PostgreSQL would otherwise abort the whole transaction: the dead-letter queue could not park the event and the
 * batch would be retried forever. With the savepoint, only the failing handler's writes are undone and the event is
 * parked cleanly. Aggregates' event-sourcing handlers are left alone, and so are the handlers of a class that
 * {@link WritesAtCommit} (they write nothing per event, so a savepoint per event would only cost round trips).
 */
public class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final TransactionTemplate nested;

    public SavepointPerEventHandler(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        Optional<Map<String, Object>> eventHandler = original.annotationAttributes(EventHandler.class);
        boolean eventSourcing =
                original.annotationAttributes(EventSourcingHandler.class).isPresent();
        boolean writesAtCommit = original.unwrap(java.lang.reflect.Member.class)
                .map(member -> member.getDeclaringClass().isAnnotationPresent(WritesAtCommit.class))
                .orElse(false);
        if (eventHandler.isEmpty() || eventSourcing || writesAtCommit) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                try {
                    return nested.execute(status -> {
                        try {
                            return original.handle(message, target);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new CheckedHandlerException(e);
                        }
                    });
                } catch (CheckedHandlerException e) {
                    throw (Exception) e.getCause();
                }
            }
        };
    }

    /** Carries a checked exception through the transaction template, which only rolls back on unchecked ones. */
    private static class CheckedHandlerException extends RuntimeException {
        CheckedHandlerException(Exception cause) {
            super(cause);
        }
    }
}
