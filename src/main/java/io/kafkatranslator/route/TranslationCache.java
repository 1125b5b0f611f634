package io.kafkatranslator.route;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.message.MessageContext;
import io.kafkatranslator.metrics.TranslationMetrics;

/**
 * Recent translations of one instance, shared by its stream threads (Caffeine: bounded, concurrent), so
 * that a message chat repeats ("ok", "merci", an agent's stock phrases) is not decoded again. The key is
 * everything that decides the output: the pair, the model and its version, the text exactly as written
 * (a normalised key would hand back another message's capitals, spaces or punctuation), the decoding
 * options, and what of the preparation's context could change it: the conversation's names and the tenant's
 * glossary terms that the text holds ({@link io.kafkatranslator.message.MessageContext#relevantTo}; a term added
 * that the text holds changes the key). A translation is immutable: a hit is the same result as the miss that
 * made it, answered by another origin. A translation memory's answer is kept too, keyed by the answer itself (an
 * entry changed is another key): the model's forced pass that aligns it is not run again.
 */
public final class TranslationCache {
    public static final TranslationCache NONE = new TranslationCache(0, TranslationMetrics.NONE);

    /** remembered: the translation memory's answer that was aligned, or null for the model's translation. */
    record Key(LanguagePair pair, String model, String text, DecodingOptions options, MessageContext context, String remembered) {
    }

    private final Cache<Key, Translation> cache;
    private final TranslationMetrics metrics;

    /** size: the most translations kept; 0 keeps none. */
    public TranslationCache(long size, TranslationMetrics metrics) {
        this.cache = size > 0 ? Caffeine.newBuilder().maximumSize(size).build() : null;
        this.metrics = metrics;
    }

    /** The cached translation of the request, or null (every lookup counted as a hit or a miss). */
    Translation get(Key key) {
        if (cache == null) {
            return null;
        }
        Translation t = cache.getIfPresent(key);
        metrics.cache(t != null);
        return t;
    }

    void put(Key key, Translation t) {
        if (cache != null) {
            cache.put(key, t);
        }
    }
}
