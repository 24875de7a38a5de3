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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign tokens, kept in the {@code signing_key} table. On the first start of the first instance an RSA
 * 2048 key is generated and stored; every later start, and every other instance, loads it, so tokens keep verifying
 * across restarts and instances. The JWK set endpoint serves the public half.
 *
 * <p>There is one key. Rotation (a second row, tokens naming their key in the {@code kid} header, the old key served
 * until its last token expires) is not built yet: the encoder refuses to choose between two keys for one algorithm.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** Serialises key creation between instances starting at the same moment. */
    private static final long CREATION_LOCK = 0x51_49_4e_51_4b_45_59L; // "QINQKEY"

    private final JWKSet keys;

    SigningKeys(JdbcTemplate jdbc, TransactionTemplate transactions) {
        List<JWK> loaded = transactions.execute(status -> loadOrCreate(jdbc));
        this.keys = new JWKSet(loaded);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys);
    }

    static List<JWK> loadOrCreate(JdbcTemplate jdbc) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", CREATION_LOCK);
        List<JWK> stored = load(jdbc);
        if (!stored.isEmpty()) {
            return stored;
        }
        RSAKey created = generate();
        try {
            jdbc.update(
                    "INSERT INTO signing_key (kid, algorithm, public_key, private_key) VALUES (?, ?, ?, ?)",
                    created.getKeyID(),
                    JWSAlgorithm.RS256.getName(),
                    created.toRSAPublicKey().getEncoded(),
                    created.toRSAPrivateKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException("The generated key cannot be encoded", e);
        }
        log.info("Generated the token signing key {} and stored it", created.getKeyID());
        return List.of(created);
    }

    private static List<JWK> load(JdbcTemplate jdbc) {
        return jdbc.query(
                "SELECT kid, public_key, private_key FROM signing_key ORDER BY created_at",
                (rs, row) -> toJwk(rs.getString("kid"), rs.getBytes("public_key"), rs.getBytes("private_key")));
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
