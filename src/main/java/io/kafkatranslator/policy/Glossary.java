package io.kafkatranslator.policy;

import io.kafkatranslator.language.LanguagePair;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's glossary as the glossary topic's store holds it ({@link PolicyTopic#GLOSSARY}): keyed
 * {@code TENANT|SOURCE-TARGET|TERM} (such as {@code acme|fr-en|Kafka Streams}); a message's terms are the store's
 * entries under its tenant and pair.
 */
public final class Glossary {
    private static final StringSerializer KEYS = new StringSerializer();

    private Glossary() {
    }

    /**
     * The terms the source holds that its translation does not render as required: what a result flags, since the
     * glossary gives the model at most four terms a sentence and finds a term only where its first word starts a word.
     */
    public static List<String> unhonoured(List<GlossaryTerm> terms, String source, String translation) {
        List<String> out = new ArrayList<>();
        for (GlossaryTerm t : terms) {
            String found = t.findIn(source);
            if (found != null && !t.renderedIn(translation, found)) {
                out.add(t.term());
            }
        }
        return out;
    }

    /** The terms of a tenant (null: the default one) for a pair, from the store's values ({@link PolicyTopic#stored}). */
    public static List<GlossaryTerm> terms(ReadOnlyKeyValueStore<String, String> store, String tenant, LanguagePair pair) {
        String prefix = PolicyTopic.prefix(tenant, pair);
        List<GlossaryTerm> out = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.prefixScan(prefix, KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                out.add(new GlossaryTerm(kv.key.substring(prefix.length()), kv.value.isEmpty() ? null : kv.value));
            }
        }
        return out;
    }
}
