package cn.qinqing.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Role;
import cn.qinqing.language.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every label, message and error exists in Chinese and in English, and every key a template names exists. */
class MessageBundlesTest {

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void theThreeBundlesHaveTheSameKeys() throws IOException {
        Set<String> chinese = bundle("messages_zh_CN").stringPropertyNames();
        assertThat(bundle("messages_en").stringPropertyNames())
                .as("English has every Chinese key and no other")
                .containsExactlyInAnyOrderElementsOf(chinese);
        assertThat(bundle("messages").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(chinese);
    }

    @Test
    void theDefaultBundleIsTheChineseText() throws IOException {
        assertThat(bundle("messages")).isEqualTo(bundle("messages_zh_CN"));
    }

    @Test
    void theEnglishBundleIsEnglish() throws IOException {
        Properties english = bundle("messages_en");
        for (String key : english.stringPropertyNames()) {
            if (!key.startsWith("registration.district.hint")) {
                assertThat(english.getProperty(key)).as(key).doesNotContainPattern("[\\u4e00-\\u9fff]");
            }
        }
    }

    @Test
    void everyValueOfThePublishedLanguageHasALabel() throws IOException {
        Properties chinese = bundle("messages_zh_CN");
        Stream.of(AppealCategory.values()).forEach(value -> assertThat(chinese).containsKey("category." + value));
        Stream.of(Urgency.values()).forEach(value -> assertThat(chinese).containsKey("urgency." + value));
        Stream.of(IndustryChainPosition.values())
                .forEach(value -> assertThat(chinese).containsKey("chain." + value));
        Stream.of(Role.values()).forEach(value -> assertThat(chinese).containsKey("role." + value));
    }

    @Test
    void everyMessageKeyATemplateNamesExists() throws IOException {
        Properties chinese = bundle("messages_zh_CN");
        Pattern literal = Pattern.compile("#\\{([a-zA-Z0-9._-]+)[}(]");
        Set<String> missing = new TreeSet<>();
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!chinese.containsKey(matcher.group(1))) {
                        missing.add(templates.relativize(file) + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyTheProblemMappingGivesExists() throws IOException {
        Properties chinese = bundle("messages_zh_CN");
        for (String message : ProblemMessagesTest.KNOWN_API_MESSAGES) {
            String code = ProblemMessages.forField(message).code();
            assertThat(chinese).as(message).containsKey(code);
        }
    }

    @Test
    void messagesWithArgumentsHaveNoSingleApostropheForMessageFormatToSwallow() throws IOException {
        for (String name : new String[] {"messages", "messages_zh_CN", "messages_en"}) {
            Properties bundle = bundle(name);
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (text.matches(".*\\{\\d.*")) {
                    assertThat(text.replace("''", "")).as(name + ": " + key).doesNotContain("'");
                }
            }
        }
    }
}
