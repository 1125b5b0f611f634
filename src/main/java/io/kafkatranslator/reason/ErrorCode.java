package io.kafkatranslator.reason;

/**
 * Why a record or a message could not be translated: the one vocabulary of reasons, used as the
 * dead-letter reason code by every step of the pipeline and by the command line. README.md lists
 * them, in this order (ErrorCodeTest).
 */
public enum ErrorCode {
    /** The record has no value. */
    NULL_VALUE,
    /** The record has no key: requests must be keyed by conversation. */
    NULL_KEY,
    /** Neither Avro single-object encoded nor (when accepted) JSON. */
    UNDECODABLE,
    /** Avro written with a schema fingerprint this processor does not know. */
    UNKNOWN_SCHEMA,
    /** Missing ids or decoding options out of range. */
    INVALID_REQUEST,
    /** No loaded model serves the pair, given or detected (worded by {@link UnsupportedPair}). */
    UNSUPPORTED_LANGUAGE_PAIR,
    /** No text, or only white space. */
    EMPTY_TEXT,
    /** More than translator.max.message.chars characters. */
    TEXT_TOO_LONG,
    CONTROL_CHARACTER,
    /** Invalid UTF-8 or an unpaired surrogate. */
    INVALID_UNICODE,
    /** The engine failed on the message. */
    TRANSLATION_FAILED,
    /** The translation alone (alignments dropped) is over processor.result.max.bytes. */
    RESULT_TOO_LARGE,
    /** Kafka refused to write the result (too large for the broker or the topic, not authorised, …). */
    RESULT_NOT_WRITTEN,
    /** A record of the corrections topic that is not a correction (README, "Glossaries and translation memory"). */
    INVALID_CORRECTION
}
