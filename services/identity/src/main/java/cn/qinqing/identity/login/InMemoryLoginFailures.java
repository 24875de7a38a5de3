package cn.qinqing.identity.login;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Failures in this JVM's memory: a restart forgets them, and each instance counts its own. */
final class InMemoryLoginFailures implements LoginFailures {

    private static final int PURGE_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Override
    public void record(String kind, String key, Instant at, Instant horizon) {
        if (failures.size() > PURGE_ABOVE) {
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    forgetOld(recent, horizon);
                    return recent.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(kind + "|" + key, k -> new ArrayDeque<>());
        synchronized (recent) {
            forgetOld(recent, horizon);
            recent.addLast(at);
        }
    }

    @Override
    public int count(String kind, String key, Instant horizon) {
        Deque<Instant> recent = failures.get(kind + "|" + key);
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            forgetOld(recent, horizon);
            return recent.size();
        }
    }

    @Override
    public void clear(String kind, String key) {
        failures.remove(kind + "|" + key);
    }

    private static void forgetOld(Deque<Instant> recent, Instant horizon) {
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
    }
}
