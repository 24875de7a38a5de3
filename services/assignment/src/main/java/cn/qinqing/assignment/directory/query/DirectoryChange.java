package cn.qinqing.assignment.directory.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One change of the directory: who (actor, role) changed what (kind, subject, the event's content) when.
 *
 * @param position the change's place in the global event stream
 */
public record DirectoryChange(
        String eventId,
        long position,
        Instant occurredAt,
        String actor,
        String role,
        String kind,
        String subjectType,
        String subjectId,
        JsonNode details) {}
