package cn.qinqing.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens shaped like the identity service's (issuer, subject, {@code roles}, {@code enterprise_id},
 * {@code department_id}) with a key generated for this JVM, and serves that key as a JWK set on loopback so that the
 * services under test validate tokens exactly as in production: fetched keys, signature, expiry and issuer.
 *
 * <p>The identity service itself is tested against its own tokens, and the end-to-end tests use it for real.
 */
public final class TestIdentityProvider {

    private static volatile TestIdentityProvider instance;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final String issuer;

    private TestIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048)
                    .keyID("test-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
            strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestIdentityProvider get() {
        if (instance == null) {
            synchronized (TestIdentityProvider.class) {
                if (instance == null) {
                    instance = new TestIdentityProvider();
                }
            }
        }
        return instance;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** A token for a user of the given role; enterprise and department may be null. */
    public String token(String subject, String role, String enterpriseId, String departmentId) {
        return sign(
                claims(
                        subject,
                        role,
                        enterpriseId,
                        departmentId,
                        issuer,
                        Instant.now().plusSeconds(600)),
                key);
    }

    public String enterprise(String subject, String enterpriseId) {
        return token(subject, "ENTERPRISE", enterpriseId, null);
    }

    public String official(String subject, String departmentId) {
        return token(subject, "OFFICIAL", null, departmentId);
    }

    public String withRole(String subject, String role) {
        return token(subject, role, null, null);
    }

    public String expired(String subject, String role) {
        return sign(claims(subject, role, null, null, issuer, Instant.now().minusSeconds(3600)), key);
    }

    public String fromAnotherIssuer(String subject, String role) {
        return sign(
                claims(
                        subject,
                        role,
                        null,
                        null,
                        "http://127.0.0.1:1",
                        Instant.now().plusSeconds(600)),
                key);
    }

    /** Signed with a key of the same id that the provider never published. */
    public String signedByStranger(String subject, String role) {
        return sign(claims(subject, role, null, null, issuer, Instant.now().plusSeconds(600)), strangerKey);
    }

    /** A valid token whose payload was changed after signing (the role raised to ADMIN). */
    public String tampered(String subject, String role) {
        String[] parts = token(subject, role, null, null).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + role + "\"", "\"ADMIN\"");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    /** An unsecured JWT ({@code alg: none}), which must never be accepted. */
    public String unsigned(String subject, String role) {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        claims(subject, role, null, null, issuer, Instant.now().plusSeconds(600))
                                .toString()
                                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static JWTClaimsSet claims(
            String subject, String role, String enterpriseId, String departmentId, String issuer, Instant expiry) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(expiry.minusSeconds(900)))
                .notBeforeTime(Date.from(expiry.minusSeconds(900)))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(role));
        if (enterpriseId != null) {
            claims.claim("enterprise_id", enterpriseId);
        }
        if (departmentId != null) {
            claims.claim("department_id", departmentId);
        }
        return claims.build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
