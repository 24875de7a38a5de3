package cn.qinqing.platform.idempotency;

/** The same {@code Idempotency-Key} came with a different body: answered as 422, nothing created. */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used with a different request body. Use a new key for a new request.");
    }
}
