package io.kafkatranslator.policy;

import io.kafkatranslator.language.LanguagePair;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.List;

/** What a tenant's policy says of a message going to a language pair: the glossary's terms, the memory's translation. */
public interface TenantPolicy {
    TenantPolicy NONE = glossary(java.util.Map.of());

    /** A glossary alone (no memory): the terms of each pair. */
    static TenantPolicy glossary(java.util.Map<LanguagePair, List<GlossaryTerm>> terms) {
        return new TenantPolicy() {
            @Override
            public List<GlossaryTerm> terms(LanguagePair pair) {
                return terms.getOrDefault(pair, List.of());
            }

            @Override
            public String remembered(LanguagePair pair, String text) {
                return null;
            }
        };
    }

    List<GlossaryTerm> terms(LanguagePair pair);

    /** The approved translation of the whole message, or null. */
    String remembered(LanguagePair pair, String text);

    /** The tenant's (null: the default one) policy as the instance's global stores hold it now. */
    static TenantPolicy stored(ReadOnlyKeyValueStore<String, String> glossary, ReadOnlyKeyValueStore<String, String> memory,
                               String tenant) {
        return new TenantPolicy() {
            @Override
            public List<GlossaryTerm> terms(LanguagePair pair) {
                return Glossary.terms(glossary, tenant, pair);
            }

            @Override
            public String remembered(LanguagePair pair, String text) {
                return TranslationMemory.lookup(memory, tenant, pair, text);
            }
        };
    }
}
