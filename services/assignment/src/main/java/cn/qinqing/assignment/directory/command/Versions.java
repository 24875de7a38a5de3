package cn.qinqing.assignment.directory.command;

import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/** The If-Match rule of every directory update: only the exact version the admin read may be changed. */
final class Versions {

    private Versions() {}

    static long require(String what, Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected == null || !expected.equals(actual)) {
            throw new ConflictingAggregateVersionException(
                    what, expected == null ? -1 : expected, actual == null ? -1 : actual);
        }
        return actual;
    }
}
