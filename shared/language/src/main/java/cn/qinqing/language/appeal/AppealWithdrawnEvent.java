package cn.qinqing.language.appeal;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The enterprise withdrew its appeal (撤回) before it was answered. */
@Revision("1")
public record AppealWithdrawnEvent(UUID appealId, String enterpriseId, String reason, Instant withdrawnAt) {}
