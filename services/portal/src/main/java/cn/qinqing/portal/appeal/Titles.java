package cn.qinqing.portal.appeal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The titles of the appeals a work list names: the assignment and resolution APIs give ids, the appeals API (asked
 * with the same user's token, so only what they may see) gives the titles.
 */
@Component
public class Titles {

    private final AppealsApi appeals;

    Titles(AppealsApi appeals) {
        this.appeals = appeals;
    }

    /** Appeal id → title, for the newest appeals this user may see (up to 100; older ones show their id). */
    public Map<UUID, String> visible() {
        Map<UUID, String> titles = new HashMap<>();
        appeals.list(null, null, 100).items().forEach(appeal -> titles.put(appeal.id(), appeal.title()));
        return titles;
    }
}
