package cn.qinqing.platform.idempotency;

import cn.qinqing.language.Ids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.ResponseEntity;

/**
 * The creates of every service's API that take an {@code Idempotency-Key}, in one place. A controller says whose key it
 * is, what kind of id it creates, and how to create the resource with a given id; it gets back the id, what the create
 * answered, and whether this was a retry:
 *
 * <pre>{@code
 * var note = creates.create(scope, "note", idempotencyKey, request, id -> commands.<Long>sendAndWait(...));
 * return note.answer(location(note.id())).eTag(ETags.of(note.result())).body(...);
 * }</pre>
 *
 * <p>Without a key the resource gets a random id and is created once. With a key, the id is derived from the scope and
 * the key (so that a thousand concurrent retries agree on it without waiting for each other), and the key is reserved
 * in the transaction that creates the resource ({@link IdempotencyKeys#reserveAndCreate}): a create that fails rolls
 * its key back, so that its retry really creates the resource, and a retry is answered only once what it acknowledges
 * is committed. A retry calls {@code create} again with the same id, outside the key's transaction: an aggregate that
 * already holds the id answers with its version and applies nothing; a new aggregate that the event store already
 * holds ({@link AggregateStreamCreationException}) is the first request's, and the retry is answered as replayed.
 */
public class IdempotentCreates {

    /** The response header that tells a retry ({@code true}) from the first request with a key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyKeys keys;
    private final ObjectMapper mapper;

    public IdempotentCreates(IdempotencyKeys keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
    }

    /**
     * Creates a resource once per {@code Idempotency-Key}.
     *
     * @param scope whose key it is (the caller and what it creates in), so that keys of different callers never meet;
     *     it is stored with the key, so it never changes for a create that exists
     * @param kind what the id is derived as ({@link Ids#derive}'s namespace)
     * @param key the request's {@code Idempotency-Key}, or null
     * @param request the request body, compared on retries as the service's JSON (or as given, when a {@code byte[]})
     * @param create creates the resource with the id and returns what the caller answers with (a version, say)
     */
    public <R> Creation<R> create(String scope, String kind, String key, Object request, Function<UUID, R> create) {
        return create(scope, kind, key, request, () -> {}, create);
    }

    /**
     * As {@link #create(String, String, String, Object, Function)}, with a check that only the first request with a
     * key must pass (a rate limit): it runs before {@code create}, in the key's transaction, and when it throws, the
     * key is rolled back with it, so that a retry is a first request again.
     */
    public <R> Creation<R> create(
            String scope, String kind, String key, Object request, Runnable firstOnly, Function<UUID, R> create) {
        if (key == null) {
            UUID id = UUID.randomUUID();
            firstOnly.run();
            return new Creation<>(id, create.apply(id), false);
        }
        UUID derived = Ids.derive(kind, scope, key);
        AtomicReference<R> result = new AtomicReference<>();
        try {
            var reservation = keys.reserveAndCreate(
                    scope,
                    key,
                    canonical(request),
                    derived.toString(),
                    firstOnly,
                    id -> result.set(create.apply(UUID.fromString(id))));
            return new Creation<>(UUID.fromString(reservation.resourceId()), result.get(), !reservation.first());
        } catch (AggregateStreamCreationException alreadyCreated) {
            // a retry, or its twin running at the same moment: the event store already holds the resource, committed
            return new Creation<>(derived, null, true);
        }
    }

    private byte[] canonical(Object request) {
        if (request instanceof byte[] bytes) {
            return bytes;
        }
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A resource created, or found created by an earlier request with the same key.
     *
     * @param id the resource's id
     * @param result what {@code create} answered; null when a retry found a new aggregate already created
     * @param replayed whether this was a retry of an earlier request with the same key
     */
    public record Creation<R>(UUID id, R result, boolean replayed) {

        /** A 201 at {@code location} that says whether it was replayed; the caller adds its ETag and body. */
        public ResponseEntity.BodyBuilder answer(URI location) {
            return ResponseEntity.created(location).header(REPLAYED, Boolean.toString(replayed));
        }
    }
}
