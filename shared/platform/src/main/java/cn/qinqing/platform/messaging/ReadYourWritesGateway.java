package cn.qinqing.platform.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

/**
 * The command gateway a controller holds: once a command's unit of work is over, it waits for what that command's
 * events left to wait for ({@link ReadYourWrites#awaitPending()}). The wait is here, not in the unit of work's
 * after-commit phase, because until the unit of work is cleaned up it still holds the aggregate's lock: a thousand
 * retries queued on that lock (each holding a pooled connection) while the processors the wait was for could get no
 * connection to handle the event, and every retry paid the wait's bound in turn.
 *
 * <p>The command bus is the simple, synchronous one: when a call returns, the command was handled on this thread.
 */
final class ReadYourWritesGateway implements CommandGateway {

    private final CommandGateway delegate;

    ReadYourWritesGateway(CommandGateway delegate) {
        this.delegate = delegate;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        delegate.send(command, callback);
        ReadYourWrites.awaitPending();
    }

    @Override
    public <R> R sendAndWait(Object command) {
        try {
            return delegate.sendAndWait(command);
        } finally {
            ReadYourWrites.awaitPending();
        }
    }

    @Override
    public <R> R sendAndWait(Object command, MetaData metaData) {
        try {
            return delegate.sendAndWait(command, metaData);
        } finally {
            ReadYourWrites.awaitPending();
        }
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        try {
            return delegate.sendAndWait(command, timeout, unit);
        } finally {
            ReadYourWrites.awaitPending();
        }
    }

    @Override
    public <R> R sendAndWait(Object command, MetaData metaData, long timeout, TimeUnit unit) {
        try {
            return delegate.sendAndWait(command, metaData, timeout, unit);
        } finally {
            ReadYourWrites.awaitPending();
        }
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        CompletableFuture<R> result = delegate.send(command);
        ReadYourWrites.awaitPending();
        return result;
    }

    @Override
    public <R> CompletableFuture<R> send(Object command, MetaData metaData) {
        CompletableFuture<R> result = delegate.send(command, metaData);
        ReadYourWrites.awaitPending();
        return result;
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }
}
