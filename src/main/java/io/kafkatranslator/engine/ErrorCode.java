package io.kafkatranslator.engine;

/**
 * Why a record or a message could not be translated: the one vocabulary of reasons, used as the
 * dead-letter reason code by every step of the pipeline and by the command line.
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
    UNSUPPORTED_LANGUAGE_PAIR,
    EMPTY_TEXT,
    /** More than translator.max.message.chars characters. */
    TEXT_TOO_LONG,
    CONTROL_CHARACTER,
    INVALID_UNICODE,
    TRANSLATION_FAILED,
    /** The translation alone (alignments dropped) is over processor.result.max.bytes. */
    RESULT_TOO_LARGE,
    /** Kafka refused to write the result (too large for the broker or the topic, not authorised, …). */
    RESULT_NOT_WRITTEN
}
