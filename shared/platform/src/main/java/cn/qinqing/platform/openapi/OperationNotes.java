package cn.qinqing.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the code of an operation cannot say, kept beside the service's code in {@code openapi/operations.yml}: a summary
 * and an example request body per operation, keyed by {@code METHOD path} exactly as the document names it:
 *
 * <pre>
 * POST /api/appeals:
 *   summary: File an appeal
 *   example: { title: …, description: … }
 * </pre>
 *
 * <p>{@code requestSchema} replaces the request body's schema where the handler takes the body as a plain string
 * (a file it parses itself) and springdoc cannot know its shape.
 */
final class OperationNotes {

    static final String RESOURCE = "openapi/operations.yml";
    /** The same for the operations shared/platform adds to every service (dead letters, processors). */
    static final String PLATFORM_RESOURCE = "openapi/platform-operations.yml";

    record Note(String summary, String description, JsonNode example, JsonNode requestSchema) {}

    private final Map<String, Note> notes;

    private OperationNotes(Map<String, Note> notes) {
        this.notes = notes;
    }

    static OperationNotes load(ClassLoader loader, String service) {
        Map<String, Note> notes = new TreeMap<>();
        read(loader, PLATFORM_RESOURCE, notes, key -> key.replace("{service}", service));
        read(loader, RESOURCE, notes, key -> key);
        return new OperationNotes(notes);
    }

    private static void read(
            ClassLoader loader,
            String resource,
            Map<String, Note> notes,
            java.util.function.UnaryOperator<String> key) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
                root.fields().forEachRemaining(entry -> {
                    JsonNode note = entry.getValue();
                    notes.put(
                            key.apply(entry.getKey().trim()),
                            new Note(
                                    text(note, "summary"),
                                    text(note, "description"),
                                    note.get("example"),
                                    note.get("requestSchema")));
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    Optional<Note> of(String method, String path) {
        return Optional.ofNullable(notes.get(method.toUpperCase(java.util.Locale.ROOT) + " " + path));
    }

    private static String text(JsonNode note, String field) {
        JsonNode value = note == null ? null : note.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
