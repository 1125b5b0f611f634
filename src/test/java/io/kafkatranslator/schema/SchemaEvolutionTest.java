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
 * Every schema in schemas/ stays backward and forward compatible with every released version in
 * schemas/history/ (NAME.vN.avsc): consumers and producers on any version keep working, and the
 * latest release is the schema as it is (requests: backward only, see ONLY_THE_PROCESSOR_READS).
 * Releasing a schema change means adding its new version.
 */
class SchemaEvolutionTest {
    private static final Path SCHEMAS = Path.of("schemas");
    /**
     * Read by the processor alone, which reads every released version (RequestDecoder): they need only
     * be backward compatible. A client may use what a new version adds (v3: a null source_language)
     * once the processors it writes to run that version.
     */
    private static final java.util.Set<String> ONLY_THE_PROCESSOR_READS = java.util.Set.of("TranslationRequest", "PendingRequest",
            "ConversationState");

    @Test
    void everySchemaIsCompatibleBothWaysWithEveryReleasedVersion() throws IOException {
        List<Path> current = avsc(SCHEMAS);
        assertFalse(current.isEmpty());
        Map<String, Schema> now = parseTogether(current);
        int versions = avsc(SCHEMAS.resolve("history")).stream().mapToInt(SchemaEvolutionTest::version).max().orElse(0);
        for (int v = 1; v <= versions; v++) {
            int version = v;
            // Each schema as released at version v, or at its latest release before v.
            Map<String, Schema> released = parseTogether(current.stream()
                    .map(f -> release(f.getFileName().toString().replace(".avsc", ""), version)).filter(java.util.Objects::nonNull).toList());
            for (Map.Entry<String, Schema> e : now.entrySet()) {
                if (!released.containsKey(e.getKey())) {
                    continue; // first released after v
                }
                String name = e.getKey() + " (release " + v + ")";
                assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                        SchemaCompatibility.checkReaderWriterCompatibility(e.getValue(), released.get(e.getKey())).getType(),
                        name + ": the new schema cannot read data written with the released one");
                if (!ONLY_THE_PROCESSOR_READS.contains(e.getKey())) {
                    assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                            SchemaCompatibility.checkReaderWriterCompatibility(released.get(e.getKey()), e.getValue()).getType(),
                            name + ": readers on the released schema cannot read data written with the new one");
                }
            }
        }
        // Avro's equality leaves docs out: a doc may be reworded without a release.
        List<Path> latestReleases = current.stream()
                .map(f -> release(f.getFileName().toString().replace(".avsc", ""), Integer.MAX_VALUE)).toList();
        assertFalse(latestReleases.contains(null), "a schema in schemas/ has no release in schemas/history/");
        Map<String, Schema> latest = parseTogether(latestReleases);
        now.forEach((name, schema) -> assertEquals(latest.get(name), schema,
                name + ": the schema differs from its latest release; add it to schemas/history/ as a new version"));
    }

    private static List<Path> avsc(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    private static int version(Path p) {
        return Integer.parseInt(p.getFileName().toString().replaceAll(".*\\.v(\\d+)\\.avsc", "$1"));
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

    /** The schema's release with the highest version at or below the given one; null when it was first released later. */
    private static Path release(String name, int atMost) {
        try {
            return avsc(SCHEMAS.resolve("history")).stream()
                    .filter(p -> p.getFileName().toString().matches(name + "\\.v\\d+\\.avsc") && version(p) <= atMost)
                    .max(Comparator.comparingInt(SchemaEvolutionTest::version))
                    .orElse(null);
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
