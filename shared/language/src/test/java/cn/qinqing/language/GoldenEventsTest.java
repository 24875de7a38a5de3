package cn.qinqing.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Events are contracts: every revision ever published has a golden JSON file under {@code events/}, named
 * {@code <class>@<revision>.json}, and the current code must read every one of them. A change of shape that breaks
 * an old file needs a new revision and an upcaster, never an edit of the file.
 */
class GoldenEventsTest {

    // as the platform's Axon serializer is configured: ISO instants, lenient on unknown fields
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static Path goldenFolder() throws URISyntaxException {
        return Path.of(GoldenEventsTest.class.getResource("/events").toURI());
    }

    static List<Path> goldenFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(goldenFolder())) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenFileIsReadByTheCurrentCode() throws Exception {
        return goldenFiles().stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String name = file.getFileName().toString().replace(".json", "");
                    String className = name.substring(0, name.indexOf('@'));
                    String revision = name.substring(name.indexOf('@') + 1);
                    Class<?> type = Class.forName(className);
                    JsonNode golden = MAPPER.readTree(file.toFile());

                    Object event = MAPPER.treeToValue(golden, type);

                    assertThat(type.getAnnotation(Revision.class).value())
                            .as("an older revision needs an upcaster test instead")
                            .isEqualTo(revision);
                    JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(event));
                    assertThat(written).as("no field lost or renamed").isEqualTo(golden);
                }));
    }

    @Test
    void everyEventRecordCarriesARevision() throws Exception {
        List<Class<?>> events = eventRecords();

        assertThat(events).as("the published language's event records").hasSizeGreaterThan(40);
        assertThat(events)
                .as("event records without @Revision (a new event starts at revision 1)")
                .filteredOn(type -> !type.isAnnotationPresent(Revision.class))
                .isEmpty();
    }

    @Test
    void everyEventHasAGoldenFileOfItsCurrentRevision() throws Exception {
        List<String> missing = eventRecords().stream()
                .map(type -> type.getName() + "@" + revision(type) + ".json")
                .filter(golden -> !Files.exists(goldenFolderUnchecked().resolve(golden)))
                .toList();

        assertThat(missing).as("events without a golden file").isEmpty();
    }

    @Test
    void everyTypeNamedAsAnEventIsARecord() throws Exception {
        assertThat(classesOfTheLanguage())
                .filteredOn(type -> type.getSimpleName().endsWith("Event") && !type.isRecord())
                .as("events are records")
                .isEmpty();
    }

    /** Every record of the published language whose name says it is an event. */
    static List<Class<?>> eventRecords() throws IOException, URISyntaxException {
        return classesOfTheLanguage().stream()
                .filter(type -> type.isRecord() && type.getSimpleName().endsWith("Event"))
                .toList();
    }

    private static List<Class<?>> classesOfTheLanguage() throws IOException, URISyntaxException {
        Path classes = Path.of(
                Role.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .filter(file -> !file.getFileName().toString().contains("$"))
                    .map(file -> classes.relativize(file)
                            .toString()
                            .replace(java.io.File.separatorChar, '.')
                            .replace(".class", ""))
                    .sorted()
                    .<Class<?>>map(GoldenEventsTest::load)
                    .toList();
        }
    }

    private static String revision(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        return revision == null ? "(none)" : revision.value();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path goldenFolderUnchecked() {
        try {
            return goldenFolder();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
