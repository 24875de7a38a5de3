package cn.qinqing.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The provider's side of the portal's contract tests. The portal keeps its own records of what each service answers
 * and decodes, in {@code services/portal/src/test/resources/contracts/<service>/<name>.json}, a real answer of the
 * service; the service's API tests hand the answers they got to {@link #verify}, which fails when a field the sample
 * has is gone from the live answer (renamed, removed, moved). A service may add fields freely. The portal's
 * {@code ServiceContractsTest} fails when one of its records reads a field the sample lacks. So drift on either side
 * fails a build.
 *
 * <p>{@code -Dqinqing.contracts.write=true} (re)writes the samples from the live answers; a sample that does not
 * exist yet is written the first time.
 */
public final class ContractSamples {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT);

    private ContractSamples() {}

    /** Checks (or writes) the sample {@code <service>/<name>.json} against a live answer of the service. */
    public static void verify(String service, String name, JsonNode live) {
        Path file = folder().resolve(service).resolve(name + ".json");
        try {
            if (Boolean.getBoolean("qinqing.contracts.write") || !Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, MAPPER.writeValueAsString(live) + "\n");
                return;
            }
            Set<String> missing = missing(MAPPER.readTree(file.toFile()), live);
            if (!missing.isEmpty()) {
                throw new AssertionError("the answer of " + service
                        + " no longer has what the portal's contract sample "
                        + file + " has: " + missing + " (a renamed or removed field breaks the portal; if the portal"
                        + " was changed too, rewrite the samples with -Dqinqing.contracts.write=true)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The paths of {@code sample} that {@code live} does not have. Arrays are compared as a whole (a field of any
     * element counts for all), and a null or an empty array in the live answer hides nothing below it.
     */
    public static Set<String> missing(JsonNode sample, JsonNode live) {
        Set<String> wanted = new TreeSet<>();
        paths("$", sample, wanted, new TreeSet<>());
        Set<String> present = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        paths("$", live, present, open);
        Set<String> missing = new TreeSet<>();
        for (String path : wanted) {
            if (!present.contains(path) && open.stream().noneMatch(path::startsWith)) {
                missing.add(path);
            }
        }
        return missing;
    }

    private static void paths(String path, JsonNode node, Set<String> paths, Set<String> open) {
        if (node == null || node.isNull()) {
            open.add(path);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path + "." + field.getKey();
                paths.add(at);
                paths(at, field.getValue(), paths, open);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                open.add(path + "[]");
            }
            for (JsonNode element : node) {
                paths(path + "[]", element, paths, open);
            }
        }
    }

    private static Path folder() {
        String configured = System.getProperty("qinqing.contracts.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        // tests run in their module's folder: services/<name> (or deploy/<name>)
        return Path.of("..", "portal", "src", "test", "resources", "contracts");
    }
}
