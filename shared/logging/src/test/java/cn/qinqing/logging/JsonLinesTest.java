package cn.qinqing.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class JsonLinesTest {

    private static final Logger log = LoggerFactory.getLogger(JsonLinesTest.class);

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}

    @Test
    void theProductionProfileWritesOneMaskedJsonObjectPerLineWithTheLogContext(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = start("production")) {
            MDC.put("correlationId", "c-42");
            MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
            try {
                log.info("回访电话 13912345678 已接通");
            } finally {
                MDC.clear();
            }
        }

        String line = output.getOut()
                .lines()
                .filter(text -> text.contains("已接通"))
                .findFirst()
                .orElseThrow();
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("message").asText()).doesNotContain("13912345678").contains("139****5678");
        assertThat(json.path("log").path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("correlationId").asText()).isEqualTo("c-42");
        assertThat(json.path("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.path("service").path("name").asText()).isEqualTo("qinqing-test");
    }

    @Test
    void withoutItTheLinesStayText(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start()) {
            log.info("本地日志 13912345678");
        }

        String line = output.getOut()
                .lines()
                .filter(text -> text.contains("本地日志"))
                .findFirst()
                .orElseThrow();
        assertThat(line).doesNotStartWith("{").contains("139****5678").contains(" INFO ");
    }

    private static ConfigurableApplicationContext start(String... profiles) {
        return new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE)
                .profiles(profiles)
                .properties("spring.application.name=qinqing-test")
                .run();
    }
}
