package io.kafkatranslator.schema;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every schema in schemas/ stays backward and forward compatible with its latest released version
 * in schemas/history/ (NAME.vN.avsc): consumers and producers on either version keep working.
 * Releasing a schema change means adding its new version to the history.
 */
class SchemaEvolutionTest {
    private static final Path SCHEMAS = Path.of("schemas");

    @Test
    void everySchemaIsCompatibleBothWaysWithItsLatestReleasedVersion() throws IOException {
        List<Path> current;
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            current = files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
        assertFalse(current.isEmpty());
        Map<String, Schema> now = parseTogether(current);
        Map<String, Schema> released = parseTogether(current.stream()
                .map(f -> latestRelease(f.getFileName().toString().replace(".avsc", ""))).toList());
        for (Map.Entry<String, Schema> e : now.entrySet()) {
            String name = e.getKey();
            assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                    SchemaCompatibility.checkReaderWriterCompatibility(e.getValue(), released.get(name)).getType(),
                    name + ": the new schema cannot read data written with the released one");
            assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                    SchemaCompatibility.checkReaderWriterCompatibility(released.get(name), e.getValue()).getType(),
                    name + ": readers on the released schema cannot read data written with the new one");
        }
    }

    /** Parses schema files that may refer to each other (as PendingRequest does to TranslationRequest), by file name. */
    private static Map<String, Schema> parseTogether(List<Path> files) throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> parsed = new java.util.TreeMap<>();
        List<Path> pending = new java.util.ArrayList<>(files);
        while (!pending.isEmpty()) {
            List<Path> retry = new java.util.ArrayList<>();
            for (Path f : pending) {
                try {
                    parsed.put(f.getFileName().toString().replaceAll("(\\.v\\d+)?\\.avsc$", ""), parser.parse(f.toFile()));
                } catch (org.apache.avro.AvroRuntimeException undefinedYet) {
                    retry.add(f);
                }
            }
            if (retry.size() == pending.size()) {
                throw new AssertionError("schemas refer to names none of them define: " + retry);
            }
            pending = retry;
        }
        return parsed;
    }

    private static Path latestRelease(String name) {
        try (Stream<Path> files = Files.list(SCHEMAS.resolve("history"))) {
            return files.filter(p -> p.getFileName().toString().matches(name + "\\.v\\d+\\.avsc"))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(
                            p.getFileName().toString().replaceAll(".*\\.v(\\d+)\\.avsc", "$1"))))
                    .orElseThrow(() -> new AssertionError(name + " has no released version in schemas/history/"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void requestsRoundTripInSingleObjectEncoding() throws IOException {
        TranslationRequest request = TranslationRequest.newBuilder().setRequestId("r1").setConversationId("c1")
                .setText("Je suis étudiant.").setClientTimestamp(java.time.Instant.ofEpochMilli(1_700_000_000_000L))
                .setOptions(DecodingRequestOptions.newBuilder().setBeamSize(1).build()).build();
        java.nio.ByteBuffer bytes = request.toByteBuffer();
        assertEquals((byte) 0xC3, bytes.get(0), "single-object encoding starts with its marker");
        assertEquals(request, TranslationRequest.fromByteBuffer(bytes));
    }
}
