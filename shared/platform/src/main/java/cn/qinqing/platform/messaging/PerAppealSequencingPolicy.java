package cn.qinqing.platform.messaging;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Events about one appeal are handled in order, whichever service's aggregate published them: the appeal's
 * dispatch (assignment), its case file (resolution) and its answer (appeals) are different aggregates, yet a read
 * model must see "signed for" after "dispatched". Events that name no appeal keep Axon's per-aggregate order.
 *
 * <p>It also keeps a failing event's followers of the same appeal waiting behind it in the dead-letter queue.
 */
public class PerAppealSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private static final Map<Class<?>, Optional<Method>> ACCESSORS = new ConcurrentHashMap<>();
    private final SequentialPerAggregatePolicy fallback = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Optional<Method> accessor = ACCESSORS.computeIfAbsent(payload.getClass(), PerAppealSequencingPolicy::appealId);
        if (accessor.isPresent()) {
            try {
                Object appealId = accessor.get().invoke(payload);
                if (appealId != null) {
                    return "appeal:" + appealId;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read appealId of " + payload.getClass(), e);
            }
        }
        return fallback.getSequenceIdentifierFor(event);
    }

    private static Optional<Method> appealId(Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        for (var component : type.getRecordComponents()) {
            if (component.getName().equals("appealId")) {
                return Optional.of(component.getAccessor());
            }
        }
        return Optional.empty();
    }
}
