package cn.qinqing.platform.eventstore;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's embedded event store, with two things it lacks:
 *
 * <ul>
 *   <li>A way to wake its producer from outside: a local commit already wakes it, and {@link
 *       PostgresEventNotifications} wakes it when another process commits, instead of waiting for the next poll.
 *   <li>Streams that call back when events are available. Axon's pooled streaming processors ask their stream for
 *       such a callback; the embedded store's streams decline, and the processors' coordinators then look for new
 *       events on a fixed 500 ms schedule, whatever woke the producer. Here every stream accepts the callback, and one
 *       watcher thread, tailing the same in-memory cache as the processors, calls them back as soon as new events are
 *       in it. Events that arrive together (one fetch, or within {@code coalesce}) wake the processors once, so that
 *       they handle them in one batch and one transaction.
 * </ul>
 */
public class WakeableEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(WakeableEventStore.class);

    private final Set<CallbackStream> callbacks = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean watching = new AtomicBoolean();
    private final AtomicLong signals = new AtomicLong();
    private final long coalesceNanos;
    private volatile boolean closed;
    private volatile long lastSeenIndex = -1;
    private volatile Consumer<List<? extends EventMessage<?>>> afterCommitListener = events -> {};
    private Thread watcher;

    protected WakeableEventStore(Builder builder) {
        super(builder);
        this.coalesceNanos = builder.coalesceNanos;
    }

    public static Builder wakeableBuilder() {
        return new Builder();
    }

    /** Fetch new events now, if the producer is idle waiting for its next poll. */
    public void wakeUp() {
        super.afterCommit(Collections.emptyList());
    }

    /** The highest global index this process has seen in the store (-1 before the first one). */
    public long lastSeenIndex() {
        return lastSeenIndex;
    }

    /** How often the processors were called back because new events arrived; for tests and metrics. */
    public long signals() {
        return signals.get();
    }

    /** Called on the committing thread after a local unit of work appended events (read-your-writes hooks here). */
    public void onAfterCommit(Consumer<List<? extends EventMessage<?>>> listener) {
        this.afterCommitListener = listener;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        afterCommitListener.accept(events);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CallbackStream(super.openStream(trackingToken));
    }

    @Override
    public void shutDown() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
        }
        super.shutDown();
    }

    private void ensureWatching() {
        if (watching.compareAndSet(false, true)) {
            // opened here, before the first processor waits, so that no event committed from now on is missed
            TrackingEventStream tail = super.openStream(createHeadToken());
            watcher = new Thread(() -> watch(tail), "event-store-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    /** Tails the event cache and calls every waiting stream back when something new is in it. */
    private void watch(TrackingEventStream opened) {
        TrackingEventStream tail = opened;
        long lastSignal = 0;
        while (!closed) {
            try {
                if (tail == null) {
                    tail = super.openStream(createHeadToken());
                }
                if (!tail.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    continue;
                }
                // a burst that arrives within the coalescing window wakes the processors once
                long wait = lastSignal + coalesceNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                while (tail.hasNextAvailable()) {
                    tail.nextAvailable().trackingToken().position().ifPresent(index -> lastSeenIndex = index);
                }
                lastSignal = System.nanoTime();
                signals.incrementAndGet();
                callbacks.forEach(CallbackStream::signal);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the store may be unreachable for a moment; the processors' own schedule still runs meanwhile
                log.warn("Event store watcher failed, reopening its stream: {}", e.toString());
                if (tail != null) {
                    tail.close();
                    tail = null;
                }
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (tail != null) {
            tail.close();
        }
    }

    /** A stream of the embedded store that accepts an availability callback. */
    private class CallbackStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        CallbackStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        void signal() {
            Runnable current = callback;
            if (current != null) {
                current.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            callbacks.add(this);
            ensureWatching();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            callbacks.remove(this);
            callback = null;
            delegate.close();
        }
    }

    public static class Builder extends EmbeddedEventStore.Builder {

        private long coalesceNanos = TimeUnit.MILLISECONDS.toNanos(5);

        /** Events arriving within this long of the previous wake-up are handed to the processors together. */
        public Builder coalesce(long amount, TimeUnit unit) {
            this.coalesceNanos = unit.toNanos(amount);
            return this;
        }

        @Override
        public WakeableEventStore build() {
            validate();
            return new WakeableEventStore(this);
        }
    }
}
