package cn.qinqing.oversight.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Facts of one appeal built in memory, each recorded when it happened, in the order given. */
public final class Facts {

    public final UUID appeal = UUID.randomUUID();
    private final List<Fact> facts = new ArrayList<>();

    public static Instant at(String localTime) {
        return OffsetDateTime.parse(localTime.replace(' ', 'T') + ":00+08:00").toInstant();
    }

    public Facts add(FactType type, String at, UnaryOperator<Fact> details) {
        Instant when = at(at);
        Fact fact = details.apply(Fact.of(type, appeal, when));
        facts.add(fact.recorded("e" + facts.size(), facts.size() + 1, when, "actor", "ROLE", "corr", null));
        return this;
    }

    public Facts add(FactType type, String at) {
        return add(type, at, fact -> fact);
    }

    public List<Fact> list() {
        return List.copyOf(facts);
    }
}
