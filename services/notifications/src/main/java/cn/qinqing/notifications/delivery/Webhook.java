package cn.qinqing.notifications.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The call to the SMS/WeChat gateway: a JSON body signed with HMAC-SHA256 over {@code <timestamp>.<body>}, sent as
 * {@code X-Qinqing-Signature: sha256=<hex>} with {@code X-Qinqing-Timestamp} (seconds) so that the gateway can refuse
 * replays, and {@code X-Qinqing-Delivery} (the notification's id, the same on every retry) so that it can drop
 * duplicates. Any 2xx answer is delivered; anything else, or no answer in 10 s, is a failed try.
 */
final class Webhook {

    static final String SIGNATURE = "X-Qinqing-Signature";
    static final String TIMESTAMP = "X-Qinqing-Timestamp";
    static final String DELIVERY = "X-Qinqing-Delivery";

    private final URI url;
    private final byte[] secret;
    private final ObjectMapper mapper;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Webhook(URI url, String secret, ObjectMapper mapper) {
        this.url = url;
        this.secret = (secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8);
        this.mapper = mapper;
    }

    void send(Outbox.Message message, Instant now) throws IOException, InterruptedException {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", message.id().toString());
        payload.put("kind", message.kind());
        payload.put("recipient", message.recipient());
        payload.put("phone", message.address());
        payload.put("language", message.language());
        payload.put("subject", message.subject());
        payload.put("text", message.body());
        payload.put("link", message.link());
        payload.put(
                "appealId",
                message.appealId() == null ? null : message.appealId().toString());
        payload.put("createdAt", message.createdAt().toString());
        String body = mapper.writeValueAsString(payload);
        String timestamp = Long.toString(now.getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(TIMESTAMP, timestamp)
                .header(DELIVERY, message.id().toString())
                .header(SIGNATURE, "sha256=" + sign(secret, timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered " + response.statusCode());
        }
    }

    /** HMAC-SHA256 of the text under the key, in lower-case hex. */
    static String sign(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
