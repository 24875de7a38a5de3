package cn.qinqing.language.project;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A leader or official noted a key project's progress (进展) between milestones. */
@Revision("1")
public record ProjectProgressNotedEvent(UUID projectId, String note, Instant notedAt) {}
