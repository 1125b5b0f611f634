package io.kafkatranslator.app;

import io.kafkatranslator.config.ProcessorConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Before anything is started: can the cluster be reached, and do the topics exist? A missing topic
 * would otherwise show up as a stream thread failing and being replaced forever, or a producer
 * blocking for a minute and then blaming the metadata.
 */
public final class TopicPreflight {
    private TopicPreflight() {
    }

    /**
     * Returns once every topic exists; with create, makes the missing ones first (the broker's default
     * partitions and replication: for development); otherwise throws naming them.
     */
    public static void ensure(Map<String, String> kafka, List<String> topics, boolean create, Duration timeout)
            throws InterruptedException {
        Map<String, Object> props = ProcessorConfig.clientSettings(kafka, AdminClientConfig.configNames());
        String bootstrap = kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        Admin admin = Admin.create(props);
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> missing = topics.stream().filter(t -> !existing.contains(t)).distinct().toList();
            if (missing.isEmpty()) {
                return;
            }
            if (!create) {
                throw new IllegalStateException("missing topic(s) on " + bootstrap + ": " + String.join(", ", missing)
                        + " (create them, or set processor.create.topics=true for development)");
            }
            admin.createTopics(missing.stream().map(t -> new NewTopic(t, Optional.empty(), Optional.empty())).toList())
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrap + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " refused: " + e.getCause().getMessage(), e.getCause());
        } finally {
            // Not the default close, which waits a minute for the calls still pending on a cluster that never answered.
            admin.close(Duration.ofSeconds(1));
        }
    }
}
