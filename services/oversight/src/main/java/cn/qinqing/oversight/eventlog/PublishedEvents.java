package cn.qinqing.oversight.eventlog;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The published language as oversight stores it: an event's payload exactly as the platform's event serializer writes
 * it, with its type and revision, and read back into the language's record. A payload stored under an older revision
 * goes through the same upcasters as the event store's own reads, so an event's change of shape is handled once, by
 * its upcaster, and nowhere in oversight.
 */
@Component
public class PublishedEvents {

    /** A payload as stored: the class name, its revision and the JSON (UTF-8). */
    public record Stored(String type, String revision, byte[] json) {

        public Stored(String type, String revision, String json) {
            this(type, revision, json.getBytes(StandardCharsets.UTF_8));
        }

        /** The JSON as text. */
        public String text() {
            return new String(json, StandardCharsets.UTF_8);
        }
    }

    private final Serializer serializer;
    private final Configuration axon;
    private final Map<String, Current> currents = new ConcurrentHashMap<>();

    PublishedEvents(@Qualifier("eventSerializer") Serializer serializer, @Lazy Configuration axon) {
        this.serializer = serializer;
        this.axon = axon;
    }

    /**
     * The message's payload as the event store holds it: for an event read from the store, the bytes it read (no
     * second serialisation, no conversion); for any other, serialised as the store would.
     */
    public Stored encode(EventMessage<?> message) {
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        SerializedType type = payload.getType();
        return new Stored(type.getName(), type.getRevision(), payload.getData());
    }

    /** The language's record of a stored payload, upcast first when it was stored under an older revision. */
    public Object decode(Stored stored, String eventId, Instant recordedAt) {
        String typeName = stored.type();
        String revision = stored.revision();
        byte[] json = stored.json();
        SimpleSerializedType type = new SimpleSerializedType(typeName, revision);
        Current current = currents.computeIfAbsent(typeName, name -> current(type));
        if (current.reader() != null && Objects.equals(current.revision(), revision)) {
            try {
                return current.reader().readValue(json);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + typeName + " as stored by oversight", e);
            }
        }
        if (current.javaType() != null && Objects.equals(current.revision(), revision)) {
            return serializer.deserialize(new SimpleSerializedObject<>(json, byte[].class, type));
        }
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                null, eventId, 0, eventId, recordedAt, typeName, revision, json, "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        if (upcast.size() != 1) {
            throw new IllegalStateException("the upcasters made " + upcast.size() + " events of " + typeName + "@"
                    + revision + " (" + eventId + "); oversight keeps one per event");
        }
        return serializer.deserialize(upcast.get(0).getData());
    }

    /**
     * A stored type's class and that class's revision now; no class when the type is unknown here. The reader is the
     * serializer's own mapper's, made once per type (null when the serializer has no mapper).
     */
    private record Current(Class<?> javaType, String revision, ObjectReader reader) {}

    private Current current(SimpleSerializedType type) {
        Class<?> javaType = serializer.classForType(type);
        if (UnknownSerializedType.class.equals(javaType)) {
            return new Current(null, null, null);
        }
        ObjectReader reader = serializer instanceof JacksonSerializer jackson
                ? jackson.getObjectMapper().readerFor(javaType)
                : null;
        return new Current(javaType, serializer.typeForClass(javaType).getRevision(), reader);
    }
}
