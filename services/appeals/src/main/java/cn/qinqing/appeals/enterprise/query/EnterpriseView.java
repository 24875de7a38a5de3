package cn.qinqing.appeals.enterprise.query;

import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.enterprise.Contact;
import java.time.Instant;

public record EnterpriseView(
        String enterpriseId,
        String name,
        IndustryChainPosition chainPosition,
        String district,
        Contact contact,
        Instant registeredAt) {}
