package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The enterprise withdrew the appeal while the case was open: the clocks stop and nothing more is due (撤销). */
@Revision("1")
public record CaseFileCancelledEvent(UUID appealId, String reason, Instant cancelledAt) {}
