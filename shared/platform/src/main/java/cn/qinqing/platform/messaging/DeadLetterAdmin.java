package cn.qinqing.platform.messaging;

import cn.qinqing.platform.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's view of the dead letters of this service's processing groups: list them, retry a group (each parked
 * sequence is handled again in order; what fails again stays parked), or evict one letter that can never succeed.
 */
@RestController
@RequestMapping(path = "/api/${qinqing.service.name}/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterAdmin {

    private final EventProcessingConfiguration processing;

    DeadLetterAdmin(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @GetMapping
    List<Letter> list() {
        List<Letter> letters = new ArrayList<>();
        processing.eventProcessors().keySet().forEach(group -> processing
                .deadLetterQueue(group)
                .ifPresent(queue -> queue.deadLetters()
                        .forEach(sequence -> sequence.forEach(letter -> letters.add(Letter.of(group, letter))))));
        return letters;
    }

    @PostMapping("/{group}/retry")
    ResponseEntity<Retried> retry(@PathVariable String group) {
        var processor = processing
                .sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFoundException("No processing group " + group + " with dead letters."));
        int sequences = 0;
        // one pass over the parked sequences, oldest touched first; a sequence that fails again stays parked and the
        // next one is tried, so one hopeless letter does not block the others' retry
        long parked = queue(group).amountOfSequences();
        for (long i = 0; i < parked; i++) {
            if (processor.processAny()) {
                sequences++;
            }
        }
        return ResponseEntity.ok(new Retried(group, sequences, queue(group).size()));
    }

    @DeleteMapping("/{group}/{letterId}")
    ResponseEntity<Void> evict(@PathVariable String group, @PathVariable String letterId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        for (var sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter instanceof JdbcDeadLetter<?> jdbc
                        && jdbc.getIdentifier().equals(letterId)) {
                    queue.evict(letter);
                    return ResponseEntity.noContent().build();
                }
            }
        }
        throw new NotFoundException("No dead letter " + letterId + " in " + group + ".");
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing
                .deadLetterQueue(group)
                .orElseThrow(() -> new NotFoundException("No processing group " + group + " with dead letters."));
    }

    record Letter(
            String processingGroup,
            String id,
            String sequence,
            String eventId,
            String payloadType,
            String cause,
            Instant enqueuedAt,
            Instant lastTouched) {

        static Letter of(String group, DeadLetter<? extends EventMessage<?>> letter) {
            String id = letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getIdentifier() : null;
            String sequence = letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIdentifier() : null;
            return new Letter(
                    group,
                    id,
                    sequence,
                    letter.message().getIdentifier(),
                    letter.message().getPayloadType().getName(),
                    letter.cause()
                            .map(cause -> cause.type() + ": " + cause.message())
                            .orElse(null),
                    letter.enqueuedAt(),
                    letter.lastTouched());
        }
    }

    record Retried(String processingGroup, int sequencesProcessed, long lettersLeft) {}
}
