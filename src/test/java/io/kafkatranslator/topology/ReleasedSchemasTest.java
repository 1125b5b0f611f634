package io.kafkatranslator.topology;

import io.kafkatranslator.schema.PendingRequest;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReleasedSchemasTest {

    @Test
    void aRequestWaitingInThePendingStoreWhenTheProcessorIsUpgradedIsReadBack() throws Exception {
        List<Schema> released = ReleasedSchemas.pendingRequests();
        // Release 3's record: its request schema, written before senders and message ids existed.
        Schema v3 = released.stream().filter(s -> s.getField("participant_language") == null
                && s.getField("request").schema().getField("source_language").schema().isNullable()).findFirst().orElseThrow();
        GenericRecord request = new GenericData.Record(v3.getField("request").schema());
        request.put("request_id", "r1");
        request.put("conversation_id", "c1");
        request.put("text", "Bonjour");
        request.put("source_language", null);
        request.put("target_language", "en");
        GenericRecord pending = new GenericData.Record(v3);
        pending.put("request", request);
        pending.put("original_value", ByteBuffer.wrap(new byte[] {1}));
        pending.put("source_topic", "translation-requests");
        pending.put("source_partition", 0);
        pending.put("source_offset", 7L);
        pending.put("arrived_at", 1_700_000_000_000L);
        pending.put("source_tokens", 3);
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v3).encode(pending);
        byte[] stored = new byte[bytes.remaining()];
        bytes.get(stored);

        AvroSerde<PendingRequest> serde = new AvroSerde<>(PendingRequest.getClassSchema());
        released.forEach(serde::readingAlso);
        PendingRequest read = serde.decode(stored);
        assertEquals("Bonjour", read.getRequest().getText());
        assertEquals(7L, read.getSourceOffset());
        assertNull(read.getRequest().getSender());
        assertNull(read.getParticipantLanguage());
    }
}
