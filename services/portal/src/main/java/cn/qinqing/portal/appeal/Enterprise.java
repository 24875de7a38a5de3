package cn.qinqing.portal.appeal;

import java.time.Instant;

/** A registered enterprise, as the appeals API shows it. */
public record Enterprise(
        String enterpriseId,
        String name,
        String chainPosition,
        String district,
        Contact contact,
        Instant registeredAt) {

    public record Contact(String name, String phone, String email) {}
}
