package cn.qinqing.oversight.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;

class PublishedEventsTest {

    // as the platform configures the event serializer: ISO instants, lenient on unknown fields
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    static final JacksonSerializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(MAPPER).build();

    final UUID appeal = UUID.randomUUID();
    final Instant at = Instant.parse("2025-11-04T00:30:00Z");

    @Test
    void anEventIsStoredAsThePublishedLanguageWritesItAndReadBackAsItsRecord() {
        PublishedEvents published = new PublishedEvents(SERIALIZER, axonWith(new EventUpcasterChain()));
        AppealWithdrawnEvent event = new AppealWithdrawnEvent(appeal, "91150200MA0TEST00X", "no longer needed", at);

        PublishedEvents.Stored stored = published.encode(GenericEventMessage.asEventMessage(event));

        assertThat(stored.type()).isEqualTo(AppealWithdrawnEvent.class.getName());
        assertThat(stored.revision()).isEqualTo("1");
        assertThat(stored.text())
                .contains("\"reason\":\"no longer needed\"", "\"withdrawnAt\":\"2025-11-04T00:30:00Z\"");
        assertThat(published.decode(stored, "e1", at)).isEqualTo(event);
    }

    @Test
    void aPayloadStoredUnderAnOlderRevisionGoesThroughTheUpcasterFirst() {
        PublishedEvents published =
                new PublishedEvents(SERIALIZER, axonWith(new EventUpcasterChain(new ReasonWasWhy())));
        PublishedEvents.Stored old = new PublishedEvents.Stored(
                AppealWithdrawnEvent.class.getName(),
                "0",
                "{\"appealId\":\"" + appeal + "\",\"why\":\"no longer needed\",\"withdrawnAt\":\"" + at + "\"}");

        Object decoded = published.decode(old, "e1", at);

        assertThat(decoded).isEqualTo(new AppealWithdrawnEvent(appeal, null, "no longer needed", at));
    }

    private static Configuration axonWith(EventUpcasterChain chain) {
        Configuration axon = mock(Configuration.class);
        when(axon.upcasterChain()).thenReturn(chain);
        return axon;
    }

    /** A made-up revision 0 that called the reason "why": what an upcaster of the language would do. */
    static final class ReasonWasWhy extends SingleEventUpcaster {

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().getName().equals(AppealWithdrawnEvent.class.getName())
                    && "0".equals(representation.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(
                    new SimpleSerializedType(AppealWithdrawnEvent.class.getName(), "1"), JsonNode.class, node -> {
                        ObjectNode payload = (ObjectNode) node;
                        payload.set("reason", payload.remove("why"));
                        return payload;
                    });
        }
    }
}
