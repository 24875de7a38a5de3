package cn.qinqing.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A plain HTTP client for API tests: real requests over loopback, every status returned as it came (no exceptions
 * for 4xx), JSON bodies parsed when there are any.
 */
public final class HttpApi {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public HttpApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static HttpApi local(int port) {
        return new HttpApi("http://127.0.0.1:" + port);
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request being put together. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body: a string is sent as it is, anything else is serialized. */
        public Call body(Object value) {
            this.body = value instanceof String text ? text : json(value);
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Response send() {
            try {
                HttpResponse<String> response =
                        client.send(build(Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
                return new Response(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * Sends this same request {@code times} times at once, as a client retrying in a storm would (R2): every copy is
         * in flight together, each on its own connection of the client's pool, and every answer comes back in order.
         */
        public List<Response> sendConcurrently(int times) {
            HttpRequest request = build(Duration.ofSeconds(180));
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                inFlight.add(sendRetryingUnanswered(request, 3));
            }
            return inFlight.stream()
                    .map(CompletableFuture::join)
                    .map(Response::new)
                    .toList();
        }

        /**
         * A connection the server reset before answering (the kernel's accept queue overflows under a thousand
         * simultaneous connections) is sent again, as a real client retrying with the same headers would; any answer,
         * whatever its status, is final.
         */
        private CompletableFuture<HttpResponse<String>> sendRetryingUnanswered(HttpRequest request, int retries) {
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        if (failure == null) {
                            return CompletableFuture.completedFuture(response);
                        }
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        if (retries > 0 && cause instanceof IOException) {
                            return sendRetryingUnanswered(request, retries - 1);
                        }
                        return CompletableFuture.<HttpResponse<String>>failedFuture(cause);
                    })
                    .thenCompose(Function.identity());
        }

        private HttpRequest build(Duration timeout) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(timeout)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return request.build();
        }
    }

    /** What came back. */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String text() {
            return raw.body();
        }

        public JsonNode json() {
            String text = raw.body();
            if (text == null || text.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return MAPPER.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status() + "): " + text, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status() + " " + raw.body();
        }
    }
}
