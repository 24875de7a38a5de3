package cn.qinqing.appeals.deadletter;

import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSupplementedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A test-only projection that throws on appeals titled "POISON…" until it is healed, and records what it handled,
 * in order: the stand-in for a handler bug that a real event trips over.
 */
@Component
@ProcessingGroup(PoisonSensitiveProjection.GROUP)
class PoisonSensitiveProjection {

    static final String GROUP = "appeals-test-poison";
    static final AtomicBoolean healed = new AtomicBoolean();
    static final List<String> handled = new CopyOnWriteArrayList<>();
    private static final java.util.Set<java.util.UUID> poisoned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    PoisonSensitiveProjection(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AppealFiledEvent event) {
        if (event.title().startsWith("POISON SQL")) {
            // a failing statement aborts a PostgreSQL transaction unless the handler runs in a savepoint
            poisoned.add(event.appealId());
            jdbc.update("INSERT INTO no_such_table VALUES (1)");
        }
        if (event.title().startsWith("POISON")) {
            poisoned.add(event.appealId());
            failUnlessHealed();
        }
        handled.add("FILED " + event.appealId());
    }

    @EventHandler
    void on(AppealSupplementedEvent event) {
        if (poisoned.contains(event.appealId())) {
            failUnlessHealed();
        }
        handled.add("SUPPLEMENTED " + event.appealId());
    }

    private static void failUnlessHealed() {
        if (!healed.get()) {
            throw new IllegalStateException("poison: this handler cannot take this event yet");
        }
    }
}
