package cn.qinqing.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** A user's request to a Qinqing API, as the soak's and the kill test's users send it: bearer token, JSON body. */
final class JsonRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRequests() {}

    static HttpRequest of(
            String method, URI uri, String token, Map<String, String> headers, Object body, Duration timeout)
            throws JsonProcessingException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return request.build();
    }
}
