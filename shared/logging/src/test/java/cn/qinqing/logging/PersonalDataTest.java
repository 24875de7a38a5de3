package cn.qinqing.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "mobile|联系人手机 13812345678 请回电|联系人手机 138****5678 请回电",
                "mobile with country code|call +86 138-1234-5678 now|call +86 138****5678 now",
                "landline|contact={name=王经理, phone=0472-5550101}|contact={name=王经理, phone=0472-****101}",
                "identity card|身份证号150203199001011234，|身份证号150203********1234，",
                "identity card ending in X|id 15020319900101123X|id 150203********123X",
                "e-mail|email=wang.jingli@example.cn|email=w***@example.cn",
            })
    void masksPersonalNumbersAndAddresses(String kind, String text, String masked) {
        assertThat(PersonalData.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "credit code|enterprise 91150200MA0QA0001T registered",
                "uuid|appeal 3f2b8c1e-1a2b-4c3d-8e9f-0123456789ab filed",
                "global index|event 123456789012 stored",
                "timestamp|2026-11-28T08:00:00.123Z",
                "plain text|nothing personal here",
            })
    void leavesWhatIsNotPersonalAlone(String kind, String text) {
        assertThat(PersonalData.mask(text)).isEqualTo(text);
    }

    @Test
    void theConvertersMaskMessagesAndStackTraces() {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("m", MaskedMessageConverter::new);
        layout.getInstanceConverterMap().put("wEx", MaskedThrowableConverter::new);
        layout.setPattern("%m%wEx");
        layout.start();
        LoggingEvent event = new LoggingEvent(
                "test",
                context.getLogger("test"),
                Level.ERROR,
                "registration of {} failed",
                new IllegalArgumentException("bad phone 13912345678"),
                new Object[] {"contact 0472-5550101"});

        String line = layout.doLayout(event);

        assertThat(line)
                .contains("registration of contact 0472-****101 failed")
                .contains("bad phone 139****5678")
                .doesNotContain("5550101")
                .doesNotContain("13912345678");
    }
}
