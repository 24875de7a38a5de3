package cn.qinqing.identity.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provider's own settings.
 *
 * @param issuer the {@code iss} of every token and the base of every advertised endpoint: the address at which clients
 *     and resource servers reach this service
 */
@ConfigurationProperties("qinqing.identity")
record IdentityProperties(@DefaultValue("http://localhost:9000") String issuer) {

    IdentityProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("qinqing.identity.issuer must be set");
        }
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
