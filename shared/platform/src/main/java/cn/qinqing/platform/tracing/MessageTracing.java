package cn.qinqing.platform.tracing;

import cn.qinqing.language.MetadataKeys;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Carries a trace from a request through its command, the events the command appended (their metadata, in the one
 * event store), the reactions of other services to them and the commands those send: one appeal's filing is one
 * trace across the services.
 *
 * <ul>
 *   <li>as a {@link CorrelationDataProvider}, it writes the current span's W3C {@code traceparent} into every message
 *       created while a message is handled (the command a request sends, the events a command appends, the command a
 *       reaction sends);
 *   <li>as a {@link MessageHandlerInterceptor} of commands and of every event processor, it handles each message in a
 *       span whose parent is the {@code traceparent} the message carries, and puts the message's correlation and
 *       causation ids in the log context (MDC) of the handler's lines.
 * </ul>
 */
final class MessageTracing implements CorrelationDataProvider, MessageHandlerInterceptor<Message<?>> {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;
    private final String kind;

    /** Without a tracer or a propagator (tracing not on the classpath) only the log context is set. */
    MessageTracing(Tracer tracer, Propagator propagator, String kind) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.kind = kind;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Span current = tracer == null ? null : tracer.currentSpan();
        if (current == null) {
            Object carried = message.getMetaData().get(TRACEPARENT);
            return carried == null ? Map.of() : Map.of(TRACEPARENT, carried);
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(current.context(), headers, Map::put);
        String traceparent = headers.get(TRACEPARENT);
        return traceparent == null ? Map.of() : Map.of(TRACEPARENT, traceparent);
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        MetaData metadata = message.getMetaData();
        Map<String, String> previous = MDC.getCopyOfContextMap();
        put("correlationId", metadata.get(MetadataKeys.CORRELATION));
        put("causationId", metadata.get(MetadataKeys.CAUSATION));
        put("messageId", message.getIdentifier());
        if (tracer == null || propagator == null) {
            try {
                return chain.proceed();
            } finally {
                restore(previous);
            }
        }
        Span span = start(message);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return chain.proceed();
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
            restore(previous);
        }
    }

    private static void restore(Map<String, String> previous) {
        if (previous == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
    }

    private Span start(Message<?> message) {
        Object traceparent = message.getMetaData().get(TRACEPARENT);
        Span.Builder builder = traceparent != null && tracer.currentSpan() == null
                ? propagator.extract(Map.of(TRACEPARENT, traceparent.toString()), Map::get)
                : tracer.spanBuilder().setParent(currentContext());
        return builder.name(kind + " " + message.getPayloadType().getSimpleName())
                .tag("qinqing.message.id", message.getIdentifier())
                .start();
    }

    private io.micrometer.tracing.TraceContext currentContext() {
        Span current = tracer.currentSpan();
        return current == null ? null : current.context();
    }

    private static void put(String key, Object value) {
        if (value != null) {
            MDC.put(key, value.toString());
        }
    }
}
