package cn.qinqing.assignment.directory.query;

import cn.qinqing.language.IndustryChainPosition;
import java.time.Instant;

/**
 * An enterprise and how the city looks after it. Name, chain position and district are null until its registration
 * reached this service.
 *
 * @param liaisonVersion the version of its liaison setting (the ETag to change it), null when none was ever set
 */
public record EnterpriseView(
        String enterpriseId,
        String name,
        IndustryChainPosition chainPosition,
        String district,
        Instant registeredAt,
        String liaisonLeaderId,
        boolean keyEnterprise,
        Long liaisonVersion) {}
