package cn.qinqing.platform.messaging;

import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's view of the dead letters of this service's processing groups: list them, inspect one (its event's
 * payload and metadata), retry a group (each parked sequence is handled again in order; what fails again stays
 * parked), or drop one letter that can never succeed, with a reason that is logged with the admin's name.
 */
@RestController
@RequestMapping(path = "/api/${qinqing.service.name}/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterAdmin.class);

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

    /** One letter with its event's payload and metadata, to judge whether a retry can succeed. */
    @GetMapping("/{group}/{letterId}")
    Map<String, Object> inspect(@PathVariable String group, @PathVariable String letterId) {
        DeadLetter<? extends EventMessage<?>> letter = find(group, letterId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("letter", Letter.of(group, letter));
        body.put("payload", letter.message().getPayload());
        body.put("metaData", letter.message().getMetaData());
        body.put("diagnostics", letter.diagnostics());
        return body;
    }

    /**
     * Drops a letter that can never succeed; the reason is required and is logged with the admin who gave it (the
     * event itself stays in the event store: a replay would handle it again).
     */
    @DeleteMapping("/{group}/{letterId}")
    ResponseEntity<Void> evict(
            @PathVariable String group, @PathVariable String letterId, @RequestParam(required = false) String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidRequestException(
                    "reason", "is required (1 to 500 characters): why this letter is dropped");
        }
        DeadLetter<? extends EventMessage<?>> letter = find(group, letterId);
        queue(group).evict(letter);
        LOG.warn(
                "Dead letter {} of {} (event {}, {}) dropped by {}: {}",
                letterId,
                group,
                letter.message().getIdentifier(),
                letter.message().getPayloadType().getName(),
                Actor.require().subject(),
                reason.strip());
        return ResponseEntity.noContent().build();
    }

    private DeadLetter<? extends EventMessage<?>> find(String group, String letterId) {
        for (var sequence : queue(group).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter instanceof JdbcDeadLetter<?> jdbc
                        && jdbc.getIdentifier().equals(letterId)) {
                    return letter;
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
