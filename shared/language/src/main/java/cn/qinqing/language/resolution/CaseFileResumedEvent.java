package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The clock runs again (the enterprise supplied what was asked); the due dates moved by the paused working time. */
@Revision("1")
public record CaseFileResumedEvent(
        UUID appealId, Instant resumedAt, Instant firstContactDueAt, Instant resolutionDueAt) {}
