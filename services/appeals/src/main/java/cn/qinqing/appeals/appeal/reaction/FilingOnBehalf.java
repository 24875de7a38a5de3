package cn.qinqing.appeals.appeal.reaction;

import cn.qinqing.appeals.appeal.command.FileAppealCommand;
import cn.qinqing.language.MetadataKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * Files an appeal on an enterprise's behalf because of another service's event (a meeting's action item, a key
 * project's blocker), the way both reactions need it: as the system, caused by and correlated with the event, and
 * sent from a thread of its own so that it commits in its own unit of work and transaction — sent from the
 * processor's thread, it would join the processor's batch, and a duplicate filing would fail that whole batch at its
 * commit instead of here, where it is recognised and ignored (the appeal's id is derived from the event's source, so
 * a redelivered event's second filing is refused by the event store).
 */
final class FilingOnBehalf implements AutoCloseable {

    static final String ACTOR = "system:appeals";

    private final CommandGateway commands;
    private final ExecutorService sender;

    FilingOnBehalf(CommandGateway commands, String group) {
        this.commands = commands;
        this.sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, group + "-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Files it, unless it was filed when the event was first delivered. */
    void file(FileAppealCommand filing, EventMessage<?> event) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR, ACTOR);
        metadata.put(MetadataKeys.ROLE, "SYSTEM");
        metadata.put(MetadataKeys.CAUSATION, event.getIdentifier());
        Object correlation = event.getMetaData().get(MetadataKeys.CORRELATION);
        if (correlation != null) {
            metadata.put(MetadataKeys.CORRELATION, correlation);
        }
        CommandMessage<FileAppealCommand> command = GenericCommandMessage.<FileAppealCommand>asCommandMessage(filing)
                .withMetaData(metadata);
        try {
            CompletableFuture.runAsync(() -> commands.sendAndWait(command), sender)
                    .join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof AggregateStreamCreationException) {
                return; // filed when this event was first delivered
            }
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
