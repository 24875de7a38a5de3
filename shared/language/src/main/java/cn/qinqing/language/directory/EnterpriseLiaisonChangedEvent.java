package cn.qinqing.language.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The city set who looks after an enterprise (包联领导, its "nanny") and whether it is a key enterprise (重点企业).
 * The first such event for an enterprise has no previous liaison; every later one says whom it replaced.
 *
 * @param enterpriseId the enterprise's Unified Social Credit Code
 * @param liaisonLeaderId the leader who looks after it, or null for none
 * @param keyEnterprise whether it is one of the city's key enterprises
 * @param previousLiaisonLeaderId the liaison leader before this change, or null
 */
@Revision("1")
public record EnterpriseLiaisonChangedEvent(
        String enterpriseId,
        String liaisonLeaderId,
        boolean keyEnterprise,
        String previousLiaisonLeaderId,
        Instant changedAt) {}
