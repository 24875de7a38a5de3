package cn.qinqing.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-28T20:00:00Z");

    private final KeyPair keys = rsa();
    private final MovableClock clock = new MovableClock(NOW);
    private final NimbusJwtDecoder nimbus =
            NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(nimbus, clock);

    CachingJwtDecoderTest() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
    }

    @Test
    void anAcceptedTokenIsNotValidatedAgainUntilItExpires() throws Exception {
        String token = sign("enterprise-a", NOW.plusSeconds(1800));

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("enterprise-a");
    }

    @Test
    void aRememberedTokenIsRefusedOnceExpired() throws Exception {
        String token = sign("enterprise-a", NOW.plusSeconds(60));
        decoder.decode(token);

        clock.now = NOW.plusSeconds(61);

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTamperedTokenIsRefusedEvenWhenItsOriginalIsRemembered() throws Exception {
        String token = sign("enterprise-a", NOW.plusSeconds(1800));
        decoder.decode(token);
        String[] parts = token.split("\\.");
        String forged =
                parts[0] + "." + sign("enterprise-b", NOW.plusSeconds(1800)).split("\\.")[1] + "." + parts[2];

        assertThatThrownBy(() -> decoder.decode(forged))
                .isInstanceOf(org.springframework.security.oauth2.jwt.BadJwtException.class);
    }

    private String sign(String subject, Instant expiresAt) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .issueTime(Date.from(NOW))
                        .expirationTime(Date.from(expiresAt))
                        .build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
