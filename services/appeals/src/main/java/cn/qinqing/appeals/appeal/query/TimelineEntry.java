package cn.qinqing.appeals.appeal.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One step in an appeal's history: what happened, when, and who did it in which role. */
public record TimelineEntry(
        String eventId, Instant occurredAt, String type, String actor, String role, JsonNode details) {

    /** The entry without the name of the official, dispatcher or leader who acted: only their role stays. */
    public TimelineEntry withoutCityStaff() {
        boolean staff = role != null && !role.equals("ENTERPRISE") && !role.equals("SYSTEM");
        return staff ? new TimelineEntry(eventId, occurredAt, type, null, role, details) : this;
    }
}
