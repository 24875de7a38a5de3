package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The clock stopped while the department waits on the enterprise for information (中止计时). */
@Revision("1")
public record CaseFilePausedEvent(UUID appealId, String officialId, String reason, Instant pausedAt) {}
