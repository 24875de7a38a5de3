package cn.qinqing.appeals.open311;

import cn.qinqing.appeals.enterprise.query.Enterprises;
import cn.qinqing.language.Role;
import cn.qinqing.platform.security.Actor;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * GeoReport's {@code api_key} is an access token of the city's identity provider issued to an enterprise: what its
 * confidential client gets with the client-credentials grant (or what one of its users holds). The key is checked as
 * the bearer tokens of the rest of the API are — signature, issuer, expiry — and must belong to a registered
 * enterprise; no second key store exists to leak or to fall out of step with the identity provider.
 */
@Component
class ApiKeys {

    private final JwtDecoder decoder;
    private final JwtAuthenticationConverter converter;
    private final Enterprises enterprises;

    ApiKeys(JwtDecoder decoder, JwtAuthenticationConverter converter, Enterprises enterprises) {
        this.decoder = decoder;
        this.converter = converter;
        this.enterprises = enterprises;
    }

    /** The enterprise a key belongs to; none without a key; 403 for a key that is wrong or no enterprise's. */
    Optional<Key> check(String apiKey, String action, GeoReport.Format format) {
        if (apiKey == null) {
            return Optional.empty();
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(apiKey);
        } catch (JwtException | IllegalArgumentException e) {
            throw Open311Exception.forbidden("Invalid api_key received -- can't proceed with " + action + ".", format);
        }
        Actor actor = Actor.from(jwt);
        if (!actor.is(Role.ENTERPRISE)
                || actor.enterpriseId() == null
                || !enterprises.isRegistered(actor.enterpriseId())) {
            throw Open311Exception.forbidden(
                    "The api_key is not a registered enterprise's -- can't proceed with " + action + ".", format);
        }
        return Optional.of(new Key(jwt, actor));
    }

    /** A checked key: the enterprise's token and who it says the caller is. */
    final class Key {
        private final Jwt jwt;
        private final Actor actor;

        private Key(Jwt jwt, Actor actor) {
            this.jwt = jwt;
            this.actor = actor;
        }

        Actor actor() {
            return actor;
        }

        /** Runs {@code work} as the key's enterprise, so that the events it causes carry who acted. */
        <T> T actingAs(Supplier<T> work) {
            SecurityContext before = SecurityContextHolder.getContext();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(converter.convert(jwt));
            SecurityContextHolder.setContext(context);
            try {
                return work.get();
            } finally {
                SecurityContextHolder.setContext(before);
            }
        }
    }
}
