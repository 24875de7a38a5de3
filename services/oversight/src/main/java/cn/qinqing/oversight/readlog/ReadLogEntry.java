package cn.qinqing.oversight.readlog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One read: who, in which role (and enterprise or department), read what by which route, when, in which request. */
record ReadLogEntry(
        UUID readId,
        Instant readAt,
        String service,
        String actor,
        String role,
        String enterpriseId,
        String departmentId,
        String what,
        String route,
        UUID appealId,
        JsonNode ids,
        String format,
        String correlationId) {}
