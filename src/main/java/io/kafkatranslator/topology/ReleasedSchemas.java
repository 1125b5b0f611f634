package io.kafkatranslator.topology;

import org.apache.avro.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The released versions of the schemas the processor reads back (schemas/history/, on the class path as
 * /schemas/NAME.vN.avsc; versions are release numbers, so a schema skips those it did not change in).
 */
final class ReleasedSchemas {
    /** Far above any release: versions are looked up one by one, as a jar's resources cannot be listed. */
    private static final int HIGHEST = 100;

    private ReleasedSchemas() {
    }

    /** Every released request schema. */
    static List<Schema> requests() {
        return releases("TranslationRequest");
    }

    /** Every released schema of the conversation store's records. */
    static List<Schema> conversationStates() {
        return releases("ConversationState");
    }

    private static List<Schema> releases(String name) {
        List<Schema> out = new ArrayList<>();
        for (int v = 1; v <= HIGHEST; v++) {
            String schema = text(name, v);
            if (schema != null) {
                out.add(new Schema.Parser().parse(schema));
            }
        }
        return out;
    }

    /**
     * The pending store's record as each release wrote it: the release's own PendingRequest around the request
     * schema of the same release (a new request schema changes the record's fingerprint, so that requests waiting
     * in the store when the processor is upgraded would otherwise not be read back).
     */
    static List<Schema> pendingRequests() {
        List<Schema> out = new ArrayList<>();
        for (int v = 1; v <= HIGHEST; v++) {
            String pending = atOrBefore("PendingRequest", v);
            if (pending != null && (text("PendingRequest", v) != null || text("TranslationRequest", v) != null)) {
                Schema.Parser parser = new Schema.Parser();
                parser.parse(atOrBefore("TranslationRequest", v));
                out.add(parser.parse(pending));
            }
        }
        return out;
    }

    /** The schema as released at this version, or at its latest release before it; null before its first. */
    private static String atOrBefore(String name, int version) {
        for (int v = version; v >= 1; v--) {
            String text = text(name, v);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String text(String name, int version) {
        try (InputStream in = ReleasedSchemas.class.getResourceAsStream("/schemas/" + name + ".v" + version + ".avsc")) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
