package cn.qinqing.platform.idempotency;

import cn.qinqing.platform.messaging.ReadYourWrites;
import cn.qinqing.platform.web.InvalidRequestException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The {@code Idempotency-Key} of creates. The first request with a key reserves it with a hash of its body and the id
 * the new resource will get; a retry with the same key and body gets the same id (so the create addresses the same
 * aggregate and cannot make a second one); the same key with another body is refused.
 *
 * <p>The id is derived from the key, not stored first and read later, so that a thousand concurrent retries agree on
 * it without waiting for each other; the event store's unique (aggregate, sequence) key lets exactly one of them
 * create the aggregate.
 *
 * <p>{@link #reserveAndCreate} reserves the key in the transaction that creates the resource (one commit per create
 * instead of two, and no key is left reserved by a create that failed).
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern SANE = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final JdbcTemplate jdbc;
    private final String table;
    private final TransactionOperations transactions;
    /** Retries answered with the first request's resource, from start-up on (0 included). */
    private final Counter replays;

    public IdempotencyKeys(JdbcTemplate jdbc, String schema, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.table = schema + ".idempotency_key";
        this.transactions = transactions;
        this.replays = Metrics.counter("qinqing.idempotency.replays");
    }

    /**
     * Reserve a key and create the resource in the same transaction: the key and what {@code create} writes (for
     * instance the events of a command sent with {@code sendAndWait} on this thread, whose unit of work joins the
     * transaction) commit together or not at all. A concurrent request with the same key waits on the key's row until
     * that transaction ends. A retry of a key reserved earlier calls {@code create} again outside any transaction, as
     * after {@link #reserve}: the resource's own uniqueness (the event store's aggregate key) answers it.
     *
     * @param create creates the resource with the reserved id
     */
    public Reservation reserveAndCreate(
            String scope, String key, byte[] requestBody, String resourceId, Consumer<String> create) {
        return reserveAndCreate(scope, key, requestBody, resourceId, () -> {}, create);
    }

    /**
     * As {@link #reserveAndCreate(String, String, byte[], String, Consumer)}, with a check that only the first request
     * with the key must pass (a rate limit): it runs in the transaction before {@code create}, and when it throws, the
     * reservation is rolled back with it, so that a retry is a first request again.
     */
    public Reservation reserveAndCreate(
            String scope,
            String key,
            byte[] requestBody,
            String resourceId,
            Runnable firstOnly,
            Consumer<String> create) {
        Reservation reservation = transactions.execute(status -> {
            Reservation reserved = reserve(scope, key, requestBody, resourceId);
            if (reserved.first()) {
                firstOnly.run();
                create.accept(reserved.resourceId());
            }
            return reserved;
        });
        // read your writes (ADR 0008): the create's events committed with the key; wait for the views now that the
        // transaction no longer holds a connection
        ReadYourWrites.awaitPending();
        if (!reservation.first()) {
            create.accept(reservation.resourceId());
        }
        return reservation;
    }

    /**
     * Reserve a key for a request.
     *
     * @param scope whose key it is (the caller and the kind of create), so that keys of different callers never meet
     * @param requestBody the canonical bytes of the request, compared on retries
     * @param resourceId the id the resource gets when this is the first request with the key
     */
    public Reservation reserve(String scope, String key, byte[] requestBody, String resourceId) {
        if (!SANE.matcher(key).matches()) {
            throw new InvalidRequestException(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String hash = sha256(requestBody);
        int inserted = jdbc.update(
                "INSERT INTO " + table + " (scope, idem_key, request_hash, resource_id) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                scope,
                key,
                hash,
                resourceId);
        if (inserted == 1) {
            return new Reservation(resourceId, true);
        }
        var existing = jdbc.queryForMap(
                "SELECT request_hash, resource_id FROM " + table + " WHERE scope = ? AND idem_key = ?", scope, key);
        if (!hash.equals(existing.get("request_hash"))) {
            throw new IdempotencyKeyReusedException();
        }
        // a retry answered with the first request's resource: how often clients retry (docs/operations.md, Metrics)
        replays.increment();
        return new Reservation((String) existing.get("resource_id"), false);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Canonical bytes for a request given as text. */
    public static byte[] bytes(String canonical) {
        return canonical.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param resourceId the id of the resource this key creates
     * @param first whether this request reserved the key (false: a retry of an earlier request)
     */
    public record Reservation(String resourceId, boolean first) {}
}
