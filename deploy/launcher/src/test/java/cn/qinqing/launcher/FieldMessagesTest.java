package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A refused field's message completes a sentence whose subject is the field ({@code reason must say why the extension
 * is denied.}): the problem's detail is made of these sentences, and the portal maps each message to its own words in
 * the user's language (its ProblemMessagesTest lists those it knows). A message written as an order ("say why …") or
 * as a sentence of its own ("an action item needs …") reads as nonsense behind the field's name.
 */
class FieldMessagesTest {

    private static final Path ROOT = Path.of(System.getProperty("qinqing.root", "../.."))
            .toAbsolutePath()
            .normalize();

    private static final Pattern MESSAGE = Pattern.compile(
            "(?:new FieldError\\([^,;]+, |new InvalidRequestException\\([^,;]+, |message = )\"([^\"]*)\"");

    private static final Pattern PREDICATE = Pattern.compile("^(?:must|is|are|has|may|does|was) .*");

    @Test
    void everyFieldMessageInTheServicesCompletesASentenceAboutTheField() throws IOException {
        List<String> messages = new ArrayList<>();
        try (Stream<Path> sources =
                Stream.concat(Files.walk(ROOT.resolve("services")), Files.walk(ROOT.resolve("shared")))) {
            sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("/src/main/java/"))
                    .forEach(path -> {
                        Matcher message = MESSAGE.matcher(read(path));
                        while (message.find()) {
                            messages.add(message.group(1) + "   (" + ROOT.relativize(path) + ")");
                        }
                    });
        }

        assertThat(messages).as("field messages found").hasSizeGreaterThan(20);
        assertThat(messages).allSatisfy(message -> assertThat(message).matches(PREDICATE));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
