package cn.qinqing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void chineseEnglishAndDefaultBundlesHaveTheSameKeys() throws IOException {
        Properties chinese = bundle("messages_zh_CN");
        Properties english = bundle("messages_en");
        Properties fallback = bundle("messages");

        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
        assertThat(fallback.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
        assertThat(chinese.stringPropertyNames()).contains("login.error.bad-credentials", "login.error.locked");
    }

    @Test
    void theDefaultBundleIsChinese() throws IOException {
        assertThat(bundle("messages")).isEqualTo(bundle("messages_zh_CN"));
    }

    @Test
    void noMessageIsEmptyAndEnglishIsNotLeftInChinese() throws IOException {
        Properties chinese = bundle("messages_zh_CN");
        Properties english = bundle("messages_en");

        for (String key : chinese.stringPropertyNames()) {
            assertThat(chinese.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank().isNotEqualTo(chinese.getProperty(key));
            assertThat(english.getProperty(key)).as(key + " in English").doesNotContainPattern("\\p{IsHan}");
        }
    }
}
