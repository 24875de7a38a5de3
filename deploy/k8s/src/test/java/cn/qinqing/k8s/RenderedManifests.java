package cn.qinqing.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The overlays of deploy/k8s, each rendered once per test run by {@code kubectl kustomize}. */
final class RenderedManifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final ConcurrentHashMap<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private RenderedManifests() {}

    /** deploy/k8s: the module directory, where Maven runs the tests. */
    static Path k8sDirectory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir : List.of(here, here.resolve("deploy/k8s"))) {
            if (Files.isDirectory(dir.resolve("base")) && Files.isDirectory(dir.resolve("overlays"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from deploy/k8s or the project directory, not " + here);
    }

    /** Every overlay's name: a new overlay is rendered and checked without a change here. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(k8sDirectory().resolve("overlays"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects {@code kubectl kustomize overlays/<overlay>} prints. */
    static List<ObjectNode> render(String overlay) {
        return RENDERED.computeIfAbsent(
                overlay, name -> parse(kustomize(k8sDirectory().resolve("overlays/" + name))));
    }

    static String kustomize(Path directory) {
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + directory + " took over 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + directory + " failed: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "kubectl (with Kustomize 5) is needed to render the manifests: Debian's package kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(object -> kind(object).equals(kind)).toList();
    }
}
