package cn.qinqing.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * The JSON log lines (production profile) mask personal data as the text lines do: every string value of a line —
 * the message, a stack trace, an MDC value — goes through {@link PersonalData#mask}.
 */
public class MaskedJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalData::mask));
    }
}
