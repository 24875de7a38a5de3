package cn.qinqing.identity.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign tokens, kept in the {@code signing_key} table. On the first start of the first instance an RSA
 * 2048 key is generated and stored; every later start, and every other instance, loads it, so tokens keep verifying
 * across restarts and instances. The JWK set endpoint serves the public halves.
 *
 * <p>Rotation signs nobody out: when the signing key is older than {@code
 * qinqing.identity.signing-key.rotation-period} (90 days), or was made before {@code
 * qinqing.identity.signing-key.rotate-before} (an instant: rotate now, exactly once), an instance generates the next
 * key. It is published at once but signs only from {@code signing-key.publish-ahead} (10 min) later, so that every
 * resource server has seen it in the JWK set; the key it replaces stays published until the last access token it
 * signed has expired ({@code access-token-time-to-live} after the switch), then is retired. During the overlap the JWK
 * set holds two keys; tokens name theirs in the {@code kid} header. Instances reload the table every 30 s.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** Serialises key creation between instances starting at the same moment. */
    private static final long CREATION_LOCK = 0x51_49_4e_51_4b_45_59L; // "QINQKEY"

    private static final Duration RELOAD = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Rotation rotation;
    private volatile Loaded loaded;

    /**
     * @param period how old the signing key may grow before the next one is made
     * @param rotateBefore a key made before this instant is replaced (unset: only the period counts)
     * @param publishAhead how long the next key is published before it signs
     * @param tokenLifetime how long a token lives: the replaced key stays published that long after the switch
     */
    record Rotation(Duration period, Instant rotateBefore, Duration publishAhead, Duration tokenLifetime) {}

    @Autowired
    SigningKeys(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            @Value("${qinqing.identity.signing-key.rotation-period:P90D}") Duration period,
            @Value("${qinqing.identity.signing-key.rotate-before:}") String rotateBefore,
            @Value("${qinqing.identity.signing-key.publish-ahead:10m}") Duration publishAhead,
            @Value("${qinqing.identity.access-token-time-to-live:30m}") Duration tokenLifetime) {
        this(
                jdbc,
                transactions,
                Clock.systemUTC(),
                new Rotation(
                        period,
                        rotateBefore.isBlank() ? null : Instant.parse(rotateBefore.trim()),
                        publishAhead,
                        tokenLifetime));
    }

    SigningKeys(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, Rotation rotation) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.rotation = rotation;
        this.loaded = load();
    }

    /**
     * The JWK set endpoint asks with an empty matcher and gets every published key; the token encoder asks for a
     * signing key (its matcher names a use or an algorithm) and gets the one key that signs now.
     */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Loaded keys = current();
        boolean signing = selector.getMatcher().getKeyUses() != null
                || selector.getMatcher().getAlgorithms() != null;
        return selector.select(signing ? new JWKSet(keys.signing()) : new JWKSet(keys.published()));
    }

    private Loaded current() {
        Loaded keys = loaded;
        if (Duration.between(keys.at(), clock.instant()).compareTo(RELOAD) >= 0
                || keys.signing().getKeyID() == null
                || !keys.signsUntilNextSwitch(clock.instant())) {
            keys = load();
            loaded = keys;
        }
        return keys;
    }

    private Loaded load() {
        return transactions.execute(status -> loadOrCreate());
    }

    private Loaded loadOrCreate() {
        Instant now = clock.instant();
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", CREATION_LOCK);
        List<StoredKey> stored = stored(now);
        if (stored.isEmpty()) {
            stored = List.of(insert(now, null));
        }
        StoredKey newest = stored.get(stored.size() - 1);
        if (!newest.signsFrom().isAfter(now) && isDue(newest, now)) {
            StoredKey next = insert(now.plus(rotation.publishAhead()), newest);
            stored = new ArrayList<>(stored);
            stored.add(next);
        }
        StoredKey signing = stored.stream()
                .filter(key -> !key.signsFrom().isAfter(now))
                .reduce((first, second) -> second)
                .orElse(stored.get(0));
        Instant nextSwitch = stored.stream()
                .map(StoredKey::signsFrom)
                .filter(from -> from.isAfter(now))
                .findFirst()
                .orElse(Instant.MAX);
        return new Loaded(
                now, signing.jwk(), stored.stream().map(StoredKey::jwk).toList(), nextSwitch);
    }

    private boolean isDue(StoredKey newest, Instant now) {
        return !newest.signsFrom().plus(rotation.period()).isAfter(now)
                || (rotation.rotateBefore() != null && newest.createdAt().isBefore(rotation.rotateBefore()));
    }

    /** Stores a new key that signs from {@code signsFrom}; the key it replaces is retired once its tokens expired. */
    private StoredKey insert(Instant signsFrom, StoredKey replaced) {
        RSAKey created = generate();
        Instant now = clock.instant();
        try {
            jdbc.update(
                    "INSERT INTO signing_key (kid, algorithm, public_key, private_key, created_at, signs_from)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    created.getKeyID(),
                    JWSAlgorithm.RS256.getName(),
                    created.toRSAPublicKey().getEncoded(),
                    created.toRSAPrivateKey().getEncoded(),
                    Timestamp.from(now),
                    Timestamp.from(signsFrom == null ? now : signsFrom));
        } catch (JOSEException e) {
            throw new IllegalStateException("The generated key cannot be encoded", e);
        }
        if (replaced == null) {
            log.info("Generated the token signing key {} and stored it", created.getKeyID());
        } else {
            Instant retired = signsFrom.plus(rotation.tokenLifetime()).plus(rotation.publishAhead());
            jdbc.update(
                    "UPDATE signing_key SET retired_at = ? WHERE kid = ? AND retired_at IS NULL",
                    Timestamp.from(retired),
                    replaced.jwk().getKeyID());
            log.info(
                    "Rotating the token signing key: {} is published now and signs from {}; {} stays published until {}",
                    created.getKeyID(),
                    signsFrom,
                    replaced.jwk().getKeyID(),
                    retired);
        }
        return new StoredKey(created, now, signsFrom == null ? now : signsFrom);
    }

    /** The keys still published, oldest first. */
    private List<StoredKey> stored(Instant now) {
        return jdbc.query(
                "SELECT kid, public_key, private_key, created_at, signs_from FROM signing_key"
                        + " WHERE retired_at IS NULL OR retired_at > ? ORDER BY signs_from, created_at",
                (rs, row) -> new StoredKey(
                        toJwk(rs.getString("kid"), rs.getBytes("public_key"), rs.getBytes("private_key")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("signs_from").toInstant()),
                Timestamp.from(now));
    }

    private record StoredKey(JWK jwk, Instant createdAt, Instant signsFrom) {}

    private record Loaded(Instant at, JWK signing, List<JWK> published, Instant nextSwitch) {

        boolean signsUntilNextSwitch(Instant now) {
            return now.isBefore(nextSwitch);
        }
    }

    private static JWK toJwk(String kid, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(kid)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored signing key " + kid + " cannot be read", e);
        }
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey withoutId = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
            return new RSAKey.Builder(withoutId)
                    .keyID(withoutId.computeThumbprint().toString())
                    .build();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }
}
