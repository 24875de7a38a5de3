package cn.qinqing.language.market;

import cn.qinqing.language.ChainLink;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Both enterprises consented: each now sees the other's name, and the broker introduces them. */
@Revision("1")
public record EnterprisesIntroducedEvent(
        UUID matchId, String needEnterpriseId, String offerEnterpriseId, ChainLink chainLink, Instant introducedAt) {}
