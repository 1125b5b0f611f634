package io.kafkatranslator.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.reason.ErrorCode;
import io.kafkatranslator.reason.UnsupportedPair;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.policy.PolicyTopic;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.schema.DecodingRequestOptions;
import io.kafkatranslator.schema.TranslationRequest;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.MissingSchemaException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Bytes to a valid request, or the reason why not: ids, language codes, that a model writes the
 * target (and, for a given source language, serves the pair) and decoding options are
 * checked here (the options by the engine's own rules, {@link DecodingOptions#forRequest}); the text
 * is checked once, by the engine, when the batcher prepares it. Requests are Avro single-object encoded; with
 * JSON accepted, a value that starts with '{' is read as JSON with the request schema's field names
 * (so that kcat or a console producer can send one).
 */
final class RequestDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> JSON_FIELDS = Set.of("request_id", "conversation_id", "text", "source_language",
            "target_language", "options", "client_timestamp", "sender", "message_id", "operation", "tenant");
    static final String CREATE = "CREATE";
    static final String EDIT = "EDIT";
    static final String DELETE = "DELETE";
    private static final Set<String> OPERATIONS = Set.of(CREATE, EDIT, DELETE);

    /** Every released request schema, read as the current one. */
    private static final List<Schema> RELEASED = ReleasedSchemas.requests();

    private final AvroSerde<TranslationRequest> avro = new AvroSerde<>(TranslationRequest.getClassSchema());
    private final boolean acceptJson;
    private final Set<LanguagePair> pairs;
    /** What a detected source language can be: every language a model reads or writes. */
    private final Set<String> detectable;
    private final DecodingOptions defaults;

    RequestDecoder(boolean acceptJson, Set<LanguagePair> pairs, DecodingOptions defaults) {
        this.acceptJson = acceptJson;
        this.pairs = Set.copyOf(pairs);
        this.detectable = LanguageRouter.languages(pairs);
        this.defaults = defaults;
        RELEASED.forEach(avro::readingAlso);
    }

    /** A decoded and validated request, or a rejection. */
    sealed interface Result permits Accepted, Rejected {
    }

    record Accepted(TranslationRequest request) implements Result {
    }

    record Rejected(TranslationError rejection) implements Result {
    }

    Result decode(byte[] value) {
        if (value == null) {
            return reject(ErrorCode.NULL_VALUE, "the record has no value");
        }
        TranslationRequest request;
        try {
            request = acceptJson && looksLikeJson(value) ? fromJson(value) : avro.decode(value);
        } catch (InvalidJsonRequest e) {
            return reject(ErrorCode.INVALID_REQUEST, "JSON request: " + e.getMessage());
        } catch (MissingSchemaException e) {
            return reject(ErrorCode.UNKNOWN_SCHEMA, "written with a schema this processor does not know: " + e.getMessage());
        } catch (BadHeaderException e) {
            return reject(ErrorCode.UNDECODABLE, "not an Avro single-object encoded TranslationRequest"
                    + (acceptJson ? " nor a JSON object" : "") + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return reject(ErrorCode.UNDECODABLE, "cannot decode a TranslationRequest: " + e.getMessage());
        }
        return validate(request);
    }

    private Result validate(TranslationRequest r) {
        if (r.getRequestId().isBlank() || r.getConversationId().isBlank()) {
            return reject(ErrorCode.INVALID_REQUEST, "request_id and conversation_id must not be empty");
        }
        String operation = r.getOperation();
        if (operation != null && !OPERATIONS.contains(operation)) {
            return reject(ErrorCode.INVALID_REQUEST, "operation '" + operation + "' is not CREATE, EDIT or DELETE");
        }
        if (r.getMessageId() == null ? operation != null && !operation.equals(CREATE) : r.getMessageId().isBlank()) {
            return reject(ErrorCode.INVALID_REQUEST, r.getMessageId() == null
                    ? operation + " needs the message_id of the message it changes" : "message_id must not be empty");
        }
        if (r.getSender() != null && r.getSender().isBlank()) {
            return reject(ErrorCode.INVALID_REQUEST, "sender must not be empty");
        }
        if (r.getTenant() != null && !PolicyTopic.isTenant(r.getTenant())) {
            return reject(ErrorCode.INVALID_REQUEST, "tenant must be 1-64 letters, digits, '_', '.' or '-'");
        }
        String source = r.getSourceLanguage();
        String target = r.getTargetLanguage();
        for (String code : source == null ? List.of(target) : List.of(source, target)) {
            if (!LanguagePair.isLanguageCode(code)) {
                return reject(ErrorCode.INVALID_REQUEST, "'" + code + "' is not an ISO 639-1 language code (such as fr or en)");
            }
        }
        // The same language needs no model; a detected one may turn out to be the target's.
        boolean served = target.equals(source) || (source == null
                ? detectable.contains(target) : pairs.contains(new LanguagePair(source, target)));
        if (!served) {
            return reject(ErrorCode.UNSUPPORTED_LANGUAGE_PAIR, UnsupportedPair.message(source, target, null, pairs));
        }
        try {
            options(defaults, r);
        } catch (IllegalArgumentException e) {
            return reject(ErrorCode.INVALID_REQUEST, "options: " + e.getMessage());
        }
        return new Accepted(r);
    }

    /** A request's decoding options: the defaults as it overrides them; IllegalArgumentException when out of range. */
    static DecodingOptions options(DecodingOptions defaults, TranslationRequest request) {
        DecodingRequestOptions o = request.getOptions();
        return o == null ? defaults : defaults.forRequest(o.getBeamSize(), o.getNbest(), o.getAlignments(), o.getFormality());
    }

    private static Rejected reject(ErrorCode reason, String message) {
        return new Rejected(new TranslationError(reason, message));
    }

    private static boolean looksLikeJson(byte[] value) {
        for (byte b : value) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    /** A JSON object that is not a valid request: a missing, unknown or mistyped field. */
    private static final class InvalidJsonRequest extends IOException {
        InvalidJsonRequest(String message) {
            super(message);
        }
    }

    private static TranslationRequest fromJson(byte[] value) throws IOException {
        JsonNode node = JSON.readTree(value);
        if (node == null || !node.isObject()) {
            throw new IOException("the JSON value is not an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!JSON_FIELDS.contains(name)) {
                throw new InvalidJsonRequest("unknown field '" + name + "'");
            }
        }
        TranslationRequest.Builder b = TranslationRequest.newBuilder()
                .setRequestId(text(node, "request_id", null))
                .setConversationId(text(node, "conversation_id", null))
                .setText(text(node, "text", null))
                .setSourceLanguage(node.has("source_language") && node.get("source_language").isNull()
                        ? null : text(node, "source_language", "fr"))
                .setTargetLanguage(text(node, "target_language", "en"))
                .setSender(optionalText(node, "sender"))
                .setMessageId(optionalText(node, "message_id"))
                .setOperation(optionalText(node, "operation"))
                .setTenant(optionalText(node, "tenant"));
        JsonNode ts = node.get("client_timestamp");
        if (ts != null && !ts.isNull()) {
            if (!ts.canConvertToLong()) {
                throw new InvalidJsonRequest("client_timestamp must be epoch milliseconds");
            }
            b.setClientTimestamp(Instant.ofEpochMilli(ts.asLong()));
        }
        JsonNode options = node.get("options");
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                throw new InvalidJsonRequest("field 'options' must be an object");
            }
            b.setOptions(DecodingRequestOptions.newBuilder()
                    .setBeamSize(integer(options, "beam_size"))
                    .setNbest(integer(options, "nbest"))
                    .setAlignments(bool(options, "alignments"))
                    .setFormality(optionalText(options, "formality"))
                    .build());
        }
        return b.build();
    }

    /** An optional whole number: "five" or 2.5 is named as what it is, not read as 0 and then found out of range. */
    private static Integer integer(JsonNode options, String field) throws InvalidJsonRequest {
        JsonNode v = options.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidJsonRequest("field 'options." + field + "' must be a whole number, got " + v);
        }
        return v.asInt();
    }

    private static Boolean bool(JsonNode options, String field) throws InvalidJsonRequest {
        JsonNode v = options.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new InvalidJsonRequest("field 'options." + field + "' must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    private static String optionalText(JsonNode node, String field) throws IOException {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : text(node, field, null);
    }

    private static String text(JsonNode node, String field, String defaultValue) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (defaultValue == null) {
                throw new InvalidJsonRequest("missing field '" + field + "'");
            }
            return defaultValue;
        }
        if (!v.isTextual()) {
            throw new InvalidJsonRequest("field '" + field + "' must be a string");
        }
        return v.asText();
    }
}
