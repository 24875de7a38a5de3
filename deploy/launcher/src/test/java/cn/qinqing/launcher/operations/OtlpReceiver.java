package cn.qinqing.launcher.operations;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A small OTLP/HTTP trace receiver for tests: accepts {@code POST /v1/traces} (protobuf, uncompressed, as the
 * OpenTelemetry exporter sends it) and keeps, of every span, its service, trace id, span id, parent and name. Reads
 * only the fields it needs from the wire format of {@code ExportTraceServiceRequest}.
 */
public final class OtlpReceiver implements AutoCloseable {

    public record ReceivedSpan(String service, String traceId, String spanId, String parentId, String name) {}

    private final HttpServer server;
    // many appends (every request of every test on a shared platform), few reads: not a copy-on-write list
    private final List<ReceivedSpan> spans = java.util.Collections.synchronizedList(new ArrayList<>());

    public OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                spans.addAll(parse(ByteBuffer.wrap(body.readAllBytes())));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, 0);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
    }

    public List<ReceivedSpan> spans() {
        synchronized (spans) {
            return List.copyOf(spans);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    static List<ReceivedSpan> parse(ByteBuffer request) {
        List<ReceivedSpan> found = new ArrayList<>();
        for (Field resourceSpans : fields(request)) {
            if (resourceSpans.number == 1) {
                found.addAll(resourceSpans(resourceSpans.bytes));
            }
        }
        return found;
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    private static List<ReceivedSpan> resourceSpans(ByteBuffer message) {
        String service = "?";
        List<ByteBuffer> scopes = new ArrayList<>();
        for (Field field : fields(message)) {
            if (field.number == 1) {
                service = serviceName(field.bytes);
            } else if (field.number == 2) {
                scopes.add(field.bytes);
            }
        }
        List<ReceivedSpan> found = new ArrayList<>();
        for (ByteBuffer scope : scopes) {
            // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            for (Field field : fields(scope)) {
                if (field.number == 2) {
                    found.add(span(service, field.bytes));
                }
            }
        }
        return found;
    }

    // Resource { repeated KeyValue attributes = 1; } KeyValue { string key = 1; AnyValue value = 2; }
    // AnyValue { string string_value = 1; }
    private static String serviceName(ByteBuffer resource) {
        for (Field attribute : fields(resource)) {
            if (attribute.number != 1) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field part : fields(attribute.bytes)) {
                if (part.number == 1) {
                    key = text(part.bytes);
                } else if (part.number == 2) {
                    for (Field any : fields(part.bytes)) {
                        if (any.number == 1) {
                            value = text(any.bytes);
                        }
                    }
                }
            }
            if ("service.name".equals(key)) {
                return value;
            }
        }
        return "?";
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; string name = 5;
    // }
    private static ReceivedSpan span(String service, ByteBuffer span) {
        String traceId = "";
        String spanId = "";
        String parentId = "";
        String name = "";
        for (Field field : fields(span)) {
            switch (field.number) {
                case 1 -> traceId = hex(field.bytes);
                case 2 -> spanId = hex(field.bytes);
                case 4 -> parentId = hex(field.bytes);
                case 5 -> name = text(field.bytes);
                default -> {}
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parentId, name);
    }

    private record Field(int number, ByteBuffer bytes) {}

    /** The length-delimited fields of a message; varints and fixed-width fields are skipped. */
    private static List<Field> fields(ByteBuffer message) {
        ByteBuffer in = message.duplicate();
        List<Field> fields = new ArrayList<>();
        while (in.hasRemaining()) {
            long key = varint(in);
            int number = (int) (key >>> 3);
            switch ((int) (key & 7)) {
                case 0 -> varint(in);
                case 1 -> in.position(in.position() + 8);
                case 2 -> {
                    int length = (int) varint(in);
                    ByteBuffer bytes = in.slice(in.position(), length);
                    in.position(in.position() + length);
                    fields.add(new Field(number, bytes));
                }
                case 5 -> in.position(in.position() + 4);
                default -> throw new IllegalArgumentException("wire type " + (key & 7));
            }
        }
        return fields;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static String text(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return new String(copy, StandardCharsets.UTF_8);
    }

    private static String hex(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return HexFormat.of().formatHex(copy);
    }
}
