package cn.qinqing.portal.appeal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One step of an appeal's history as the appeals API tells it to this user (city staff's names only to staff). */
public record TimelineEntry(
        String eventId, Instant occurredAt, String type, String actor, String role, JsonNode details) {

    /** A detail as text, or null. */
    public String detail(String name) {
        if (details == null || !details.hasNonNull(name)) {
            return null;
        }
        JsonNode value = details.get(name);
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
