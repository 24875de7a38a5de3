package cn.qinqing.language.enterprise;

import cn.qinqing.language.IndustryChainPosition;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An enterprise registered on the platform (企业注册).
 *
 * @param enterpriseId its Unified Social Credit Code, which is also its identifier on the platform
 * @param district the district (旗县区) it is located in
 */
@Revision("1")
public record EnterpriseRegisteredEvent(
        String enterpriseId,
        String name,
        IndustryChainPosition chainPosition,
        String district,
        Contact contact,
        Instant registeredAt) {}
