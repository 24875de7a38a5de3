package cn.qinqing.notifications.notice;

import cn.qinqing.language.Role;
import cn.qinqing.platform.security.Actor;

/**
 * Who is told: an enterprise (all its users share its feed, its registered contact gets the e-mail) or one member of
 * the city's staff by user name.
 *
 * @param key {@code enterprise:<USCC>} or {@code user:<name>}, the notifications' and preferences' owner
 */
public record Recipient(String key) {

    public static Recipient enterprise(String enterpriseId) {
        return new Recipient("enterprise:" + enterpriseId);
    }

    public static Recipient staff(String userName) {
        return new Recipient("user:" + userName);
    }

    /** The recipient a signed-in caller reads and manages: their enterprise's, or their own. */
    public static Recipient of(Actor actor) {
        if (actor.is(Role.ENTERPRISE)) {
            if (actor.enterpriseId() == null) {
                throw new IllegalStateException("an enterprise user without an enterprise");
            }
            return enterprise(actor.enterpriseId());
        }
        return staff(actor.subject());
    }

    public boolean isEnterprise() {
        return key.startsWith("enterprise:");
    }

    public String enterpriseId() {
        return isEnterprise() ? key.substring("enterprise:".length()) : null;
    }
}
