package io.kafkatranslator.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Records as plain JSON objects with the schema's field names, for consumers without Avro (kcat, a
 * Python script, a browser): an optional field is its value or null (not Avro's JSON encoding's
 * {"string": …} wrapper), bytes are base64, a timestamp is epoch milliseconds.
 */
public final class JsonSerde<T extends SpecificRecord> implements Serde<T> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Schema schema;

    public JsonSerde(Schema schema) {
        this.schema = schema;
    }

    public byte[] encode(T value) {
        try {
            return JSON.writeValueAsBytes(tree(value, schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public T decode(byte[] bytes) throws IOException {
        try {
            return (T) datum(JSON.readTree(bytes), schema, schema.getName());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A value of the schema (a specific record, list, string, …) as JSON. */
    public static JsonNode tree(Object datum, Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> {
                ObjectNode object = NODES.objectNode();
                IndexedRecord record = (IndexedRecord) datum;
                schema.getFields().forEach(f -> object.set(f.name(), tree(record.get(f.pos()), f.schema())));
                yield object;
            }
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                ((Collection<?>) datum).forEach(e -> array.add(tree(e, schema.getElementType())));
                yield array;
            }
            case UNION -> datum == null ? NODES.nullNode() : tree(datum, optional(schema));
            case STRING -> NODES.textNode(datum.toString());
            case BYTES -> {
                ByteBuffer buffer = ((ByteBuffer) datum).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                yield NODES.binaryNode(bytes);
            }
            case INT -> NODES.numberNode((Integer) datum);
            case LONG -> NODES.numberNode(datum instanceof Instant instant ? instant.toEpochMilli() : (long) (Long) datum);
            case FLOAT -> NODES.numberNode((Float) datum);
            case DOUBLE -> NODES.numberNode((Double) datum);
            case BOOLEAN -> NODES.booleanNode((Boolean) datum);
            case NULL -> NODES.nullNode();
            default -> throw new IllegalArgumentException("no JSON form for Avro " + schema.getType());
        };
    }

    /** The JSON read back as a value of the schema; IllegalArgumentException naming the field that does not fit. */
    private static Object datum(JsonNode node, Schema schema, String path) {
        if (schema.getType() == Schema.Type.UNION) {
            return node == null || node.isNull() ? null : datum(node, optional(schema), path);
        }
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(path + " is missing");
        }
        return switch (schema.getType()) {
            case RECORD -> {
                IndexedRecord record = (IndexedRecord) SpecificData.get().newRecord(null, schema);
                for (Schema.Field f : schema.getFields()) {
                    record.put(f.pos(), datum(node.get(f.name()), f.schema(), path + "." + f.name()));
                }
                yield record;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                node.forEach(e -> list.add(datum(e, schema.getElementType(), path + "[]")));
                yield list;
            }
            case STRING -> node.asText();
            case BYTES -> {
                try {
                    yield ByteBuffer.wrap(node.binaryValue());
                } catch (IOException e) {
                    throw new IllegalArgumentException(path + " is not base64", e);
                }
            }
            case INT -> node.asInt();
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                    ? Instant.ofEpochMilli(node.asLong()) : node.asLong();
            case FLOAT -> (float) node.asDouble();
            case DOUBLE -> node.asDouble();
            case BOOLEAN -> node.asBoolean();
            default -> throw new IllegalArgumentException("no JSON form for Avro " + schema.getType());
        };
    }

    /** Every union of these schemas is an optional value: null or one type. */
    private static Schema optional(Schema union) {
        List<Schema> types = union.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
        if (types.size() != 1) {
            throw new IllegalArgumentException("no JSON form for the union " + union);
        }
        return types.get(0);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> data == null ? null : encode(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            try {
                return data == null ? null : decode(data);
            } catch (IOException e) {
                throw new SerializationException("not a JSON " + schema.getName() + ": " + e.getMessage(), e);
            }
        };
    }
}
