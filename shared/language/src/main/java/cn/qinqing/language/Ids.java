package cn.qinqing.language;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic identifiers. A reaction that turns another service's event into a command derives the target id from
 * the source with {@link #derive}, so that a redelivered event addresses the same aggregate and is refused as a
 * duplicate instead of creating a second one.
 */
public final class Ids {
    private Ids() {}

    /** A name-based (version 3) UUID of the given parts, joined so that ("a","bc") and ("ab","c") differ. */
    public static UUID derive(String namespace, String... parts) {
        StringBuilder name = new StringBuilder(namespace);
        for (String part : parts) {
            name.append('\u001f').append(part.length()).append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
