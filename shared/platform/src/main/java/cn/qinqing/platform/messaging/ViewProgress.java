package cn.qinqing.platform.messaging;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Tells whoever waits for the service's processors ({@link ReadYourWrites}) that one of them finished a batch. Each
 * processor gets {@link #interceptor()}, which signals when the batch's unit of work is cleaned up: after its commit
 * and after the processor recorded its new position, so that a woken waiter sees it.
 */
public class ViewProgress {

    private static final String REGISTERED = ViewProgress.class.getName();

    private final Object monitor = new Object();
    private long generation;

    /** Counts batches finished; a waiter reads it before it checks, and waits only while it has not changed. */
    public long generation() {
        synchronized (monitor) {
            return generation;
        }
    }

    void signal() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    /** Waits until a batch finished after {@code seen} was read, or {@code millis} passed. */
    void awaitChange(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (monitor) {
            long remaining;
            while (generation == seen && (remaining = deadline - System.nanoTime()) > 0) {
                monitor.wait(Math.max(1, remaining / 1_000_000));
            }
        }
    }

    /** Registered on every processor: one signal per batch, once its position is recorded. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            if (unitOfWork.resources().putIfAbsent(REGISTERED, Boolean.TRUE) == null) {
                unitOfWork.onCleanup(done -> signal());
            }
            return chain.proceed();
        };
    }
}
