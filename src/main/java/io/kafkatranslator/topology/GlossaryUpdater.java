package io.kafkatranslator.topology;

import io.kafkatranslator.glossary.Glossary;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the glossary's global store as its topic says, on every instance, and when the store is
 * restored (Kafka Streams replays the topic through this updater): an entry put, its value read once
 * ({@link Glossary#stored}), a tombstone deleted; a record that is not a glossary entry is logged and left
 * out (a global store's updater cannot dead-letter it).
 */
final class GlossaryUpdater implements Processor<String, String, Void, Void> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GlossaryUpdater.class);
    private KeyValueStore<String, String> store;
    private ProcessorContext<Void, Void> context;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(TranslationTopology.GLOSSARY_STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        String problem = Glossary.problem(record.key(), record.value());
        if (problem != null) {
            LOG.warn("glossary record left out: {}", problem);
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), Glossary.stored(record.value()));
        }
        context.recordMetadata().ifPresent(m -> store.put(Glossary.versionKey(Glossary.tenantOf(record.key())),
                Long.toString(m.offset() + 1)));
    }
}
