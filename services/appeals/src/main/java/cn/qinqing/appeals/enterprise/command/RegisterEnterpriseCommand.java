package cn.qinqing.appeals.enterprise.command;

import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.enterprise.Contact;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param enterpriseId the enterprise's Unified Social Credit Code, already validated */
public record RegisterEnterpriseCommand(
        @TargetAggregateIdentifier String enterpriseId,
        String name,
        IndustryChainPosition chainPosition,
        String district,
        Contact contact,
        Instant registeredAt) {}
