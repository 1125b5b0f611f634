package io.kafkatranslator.topology;

import io.kafkatranslator.policy.PolicyTopic;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a policy topic's global store (the glossary's, the memory's) as its topic says, on every instance, and when
 * the store is restored (Kafka Streams replays the topic through this updater): an entry put under its canonical key,
 * its value read once ({@link PolicyTopic#stored}), a tombstone deleted, the tenant's version moved to the record's
 * offset; a record that is not an entry is logged and left out (a global store's updater cannot dead-letter it).
 */
final class PolicyUpdater implements Processor<String, String, Void, Void> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PolicyUpdater.class);
    private final String storeName;
    private final PolicyTopic topic;
    private KeyValueStore<String, String> store;
    private ProcessorContext<Void, Void> context;

    PolicyUpdater(String storeName, PolicyTopic topic) {
        this.storeName = storeName;
        this.topic = topic;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, String> record) {
        String problem = topic.problem(record.key(), record.value());
        if (problem != null) {
            LOG.warn("{} record left out: {}", storeName, problem);
            return;
        }
        if (record.value() == null) {
            store.delete(topic.storeKey(record.key()));
        } else {
            store.put(topic.storeKey(record.key()), topic.stored(record.value()));
        }
        context.recordMetadata().ifPresent(m -> store.put(PolicyTopic.versionKey(PolicyTopic.tenantOf(record.key())),
                Long.toString(m.offset() + 1)));
    }
}
