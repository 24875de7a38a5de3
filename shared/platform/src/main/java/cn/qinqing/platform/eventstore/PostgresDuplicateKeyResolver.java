package cn.qinqing.platform.eventstore;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append failed on the event table's unique (aggregate, sequence) key, so that it reports a
 * concurrent writer or a duplicate create instead of a generic store failure. PostgreSQL says so with SQL state 23505,
 * which Axon's error-code resolver does not read (the driver reports error code 0), often inside a batch exception.
 */
class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Set<Throwable> seen = new HashSet<>();
        Throwable current = exception;
        while (current != null && seen.add(current)) {
            if (current instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            current = current.getCause();
        }
        return false;
    }
}
