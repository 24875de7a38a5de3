package cn.qinqing.language.assignment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A leader personally took charge of the appeal (领导领办). */
@Revision("1")
public record LeaderTookChargeEvent(UUID appealId, String leaderId, Instant tookChargeAt) {}
