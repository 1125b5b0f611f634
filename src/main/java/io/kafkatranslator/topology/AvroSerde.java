package io.kafkatranslator.topology;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Avro's single-object encoding (a marker, the schema's 64-bit fingerprint, then the binary
 * record): self-describing enough to reject foreign data, and no schema registry to run.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public AvroSerde(Schema schema) {
        this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
        this.decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema);
    }

    public byte[] encode(T value) {
        try {
            ByteBuffer buffer = encoder.encode(value);
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Also reads records written with an earlier release of the schema (resolved to this one). */
    public AvroSerde<T> readingAlso(Schema released) {
        decoder.addSchema(released);
        return this;
    }

    /** Throws Avro's MissingSchemaException, BadHeaderException or AvroRuntimeException on foreign data. */
    public T decode(byte[] bytes) throws IOException {
        return decoder.decode(bytes);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> data == null ? null : encode(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return decode(data);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("not a " + encoder.getClass().getSimpleName() + " record: " + e.getMessage(), e);
            }
        };
    }
}
