package io.kafkatranslator.topology;

import io.kafkatranslator.config.OutputFormat;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/**
 * The output and dead-letter topics' values: written in the configured format, read in either (a
 * JSON value is an object, so it starts with '{'; an Avro single-object one starts with 0xC3), so
 * that a reader keeps working across a change of processor.output.format.
 */
public final class OutputCodec<T extends SpecificRecord> {
    private final AvroSerde<T> avro;
    private final JsonSerde<T> json;

    public OutputCodec(Schema schema) {
        this.avro = new AvroSerde<>(schema);
        this.json = new JsonSerde<>(schema);
    }

    public Serializer<T> serializer(OutputFormat format) {
        return format == OutputFormat.JSON ? json.serializer() : avro.serializer();
    }

    public T decode(byte[] value) throws IOException {
        return value.length > 0 && value[0] == '{' ? json.decode(value) : avro.decode(value);
    }
}
