package cn.qinqing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating the signing key signs nobody out: the next key is in the JWK set before it signs, and the key it replaces
 * stays there until the last access token it signed has expired. Runs on the shared identity server's database with
 * a clock of its own, on a table of its own making (the server's own key is put back afterwards).
 */
class SigningKeyRotationIT extends RunningIdentityServer {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theJwkSetHoldsBothKeysDuringTheOverlapAndOnlyTheNewOneSignsAfterTheSwitch() throws Exception {
        List<java.util.Map<String, Object>> saved = jdbc.queryForList("SELECT * FROM signing_key");
        jdbc.update("DELETE FROM signing_key");
        try {
            Instant start = Instant.parse("2026-12-01T00:00:00Z");
            AtomicReference<Instant> now = new AtomicReference<>(start);
            Clock clock = new Clock() {
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                public Instant instant() {
                    return now.get();
                }
            };
            JWKSource<SecurityContext> keys = keys(clock, Duration.ofDays(90));
            String first = signingKey(keys);
            assertThat(published(keys)).containsExactly(first);

            // 90 days on: the next key is published at once, the first one still signs for the 10 minutes ahead
            now.set(start.plus(Duration.ofDays(90)).plusSeconds(1));
            JWKSource<SecurityContext> otherInstance = keys(clock, Duration.ofDays(90));
            String second = published(otherInstance).get(1);
            assertThat(published(otherInstance)).containsExactly(first, second);
            assertThat(signingKey(otherInstance)).isEqualTo(first);

            // after the switch the new key signs; the old one stays published while its tokens (30 min) live
            now.set(now.get().plus(Duration.ofMinutes(11)));
            assertThat(signingKey(keys(clock, Duration.ofDays(90)))).isEqualTo(second);
            assertThat(published(keys(clock, Duration.ofDays(90)))).containsExactly(first, second);

            // then it is retired: one key again, and no third key was made meanwhile
            now.set(now.get().plus(Duration.ofMinutes(45)));
            assertThat(published(keys(clock, Duration.ofDays(90)))).containsExactly(second);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_key", Integer.class))
                    .isEqualTo(2);
        } finally {
            jdbc.update("DELETE FROM signing_key");
            for (var row : saved) {
                jdbc.update(
                        "INSERT INTO signing_key (kid, algorithm, public_key, private_key, created_at, signs_from,"
                                + " retired_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        row.get("kid"),
                        row.get("algorithm"),
                        row.get("public_key"),
                        row.get("private_key"),
                        row.get("created_at"),
                        row.get("signs_from"),
                        row.get("retired_at"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private JWKSource<SecurityContext> keys(Clock clock, Duration period) throws Exception {
        Class<?> type = Class.forName("cn.qinqing.identity.key.SigningKeys");
        Class<?> rotation = Class.forName("cn.qinqing.identity.key.SigningKeys$Rotation");
        Constructor<?> makeRotation =
                rotation.getDeclaredConstructor(Duration.class, Instant.class, Duration.class, Duration.class);
        makeRotation.setAccessible(true);
        Object settings = makeRotation.newInstance(period, null, Duration.ofMinutes(10), Duration.ofMinutes(30));
        Constructor<?> make =
                type.getDeclaredConstructor(JdbcTemplate.class, TransactionTemplate.class, Clock.class, rotation);
        make.setAccessible(true);
        return (JWKSource<SecurityContext>) make.newInstance(jdbc, transactions, clock, settings);
    }

    /** What the JWK set endpoint publishes (an empty matcher), oldest first. */
    private static List<String> published(JWKSource<SecurityContext> keys) throws Exception {
        return keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).stream()
                .map(JWK::getKeyID)
                .toList();
    }

    /** The key the token encoder is given for an RS256 header. */
    private static String signingKey(JWKSource<SecurityContext> keys) throws Exception {
        List<JWK> found = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(new JWSHeader(JWSAlgorithm.RS256))), null);
        assertThat(found).hasSize(1);
        return found.get(0).getKeyID();
    }
}
