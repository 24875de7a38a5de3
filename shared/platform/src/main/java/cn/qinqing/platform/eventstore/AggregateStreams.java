package cn.qinqing.platform.eventstore;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * Whether the aggregate a creating command is for has events already. Seeding asks before it sends: a create refused
 * by the store's unique key rolls back after taking a position, which every processor's token then carries as a gap,
 * and PostgreSQL logs the refusal as an error, on every start.
 */
public class AggregateStreams {

    private final EventStore eventStore;
    private final CommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();

    public AggregateStreams(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** True when the store holds an event of the aggregate {@code command} targets. */
    public boolean started(Object command) {
        String aggregate = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                .getIdentifier();
        return eventStore.lastSequenceNumberFor(aggregate).isPresent();
    }

    /** Sends the creating {@code command} unless its aggregate has events already; true when this call created it. */
    public boolean createIfAbsent(CommandGateway commands, Object command) {
        if (started(command)) {
            return false; // created by an earlier start
        }
        try {
            commands.sendAndWait(command);
            return true;
        } catch (AggregateStreamCreationException raced) {
            return false; // created by another instance starting at the same moment
        }
    }
}
