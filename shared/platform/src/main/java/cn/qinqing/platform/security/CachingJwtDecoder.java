package cn.qinqing.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens its decoder accepted, until they expire. A client sends the same bearer token with every
 * request for its lifetime (30 minutes at the identity provider); validating it again each time costs an RSA
 * signature check and the conversion of the JWK to a key, the largest share of a filing's CPU in the appeals service
 * after Spring MVC itself (JFR profile, {@code docs/performance.md}). Only the exact token text that was accepted is
 * found again, and never after its {@code exp}: a remembered token past its expiry is decoded anew, so the decoder's
 * own validators refuse it.
 */
final class CachingJwtDecoder implements JwtDecoder {

    /** More distinct live tokens than this and the cache starts over (a bound, not an eviction policy). */
    static final int MAX_TOKENS = 4096;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> accepted = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    JwtDecoder decoder() {
        return decoder;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = accepted.get(token);
        Instant now = clock.instant();
        if (jwt != null && jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            return jwt;
        }
        if (jwt != null) {
            accepted.remove(token);
        }
        Jwt decoded = decoder.decode(token);
        if (decoded.getExpiresAt() != null && now.isBefore(decoded.getExpiresAt())) {
            if (accepted.size() >= MAX_TOKENS) {
                accepted.clear();
            }
            accepted.put(token, decoded);
        }
        return decoded;
    }
}
