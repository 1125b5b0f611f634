package io.kafkatranslator.app;

import io.kafkatranslator.config.ProcessorConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Before anything is started: can the cluster be reached, do the topics exist, and may this principal
 * read and write them? Otherwise a missing topic shows up as a stream thread failing and being replaced
 * forever, a denied one as a fatal error deep in Streams, and a producer blocks for a minute and then
 * blames the metadata.
 */
public final class TopicPreflight {
    private TopicPreflight() {
    }

    /**
     * Throws, naming the topic, when one of the topics refuses records of the given size (its
     * max.message.bytes): a refused result costs a stream thread, and a refused dead letter one per
     * retry, so a topic below the result budget is told at start-up. A principal without the right to
     * read topic configurations (DescribeConfigs, not among the ACLs the processor needs) is not checked.
     */
    public static void ensureAccepts(Map<String, String> kafka, List<String> topics, int bytes, String setting, Duration timeout)
            throws InterruptedException {
        String bootstrap = kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        Admin admin = admin(kafka);
        try {
            List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (ConfigResource topic : resources) {
                ConfigEntry limit = configs.get(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (limit != null && limit.value() != null && Integer.parseInt(limit.value()) < bytes) {
                    throw new IllegalStateException(topic.name() + " takes records of at most " + limit.value()
                            + " bytes (max.message.bytes), below " + setting + " (" + bytes + "): raise the topic's limit or lower "
                            + setting);
                }
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof AuthorizationException)) {
                throw refused(bootstrap, e);
            }
        } catch (TimeoutException e) {
            throw unreachable(bootstrap, timeout);
        } finally {
            close(admin);
        }
    }

    public static void ensure(Map<String, String> kafka, List<String> reads, List<String> writes, boolean create,
                              Duration timeout) throws InterruptedException {
        ensure(kafka, reads, writes, Set.of(), create, timeout);
    }

    /**
     * Returns once every topic exists and the principal holds READ on reads and WRITE on writes; with
     * create, makes the missing ones first (the broker's default partitions and replication, compacted
     * those named so: for development); otherwise throws naming what is missing or denied.
     */
    public static void ensure(Map<String, String> kafka, List<String> reads, List<String> writes, Set<String> compacted,
                              boolean create, Duration timeout) throws InterruptedException {
        String bootstrap = kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        Set<String> topics = new LinkedHashSet<>(reads);
        topics.addAll(writes);
        Admin admin = admin(kafka);
        try {
            Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics,
                    new DescribeTopicsOptions().includeAuthorizedOperations(true)).topicNameValues();
            List<String> missing = new ArrayList<>();
            List<String> denied = new ArrayList<>();
            for (String topic : topics) {
                try {
                    Set<AclOperation> granted = described.get(topic).get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                            .authorizedOperations();
                    // Null where the broker does not say (no authorizer): the first request will tell.
                    if (granted != null && reads.contains(topic) && !granted.contains(AclOperation.READ)) {
                        denied.add(topic + " (READ)");
                    }
                    if (granted != null && writes.contains(topic) && !granted.contains(AclOperation.WRITE)) {
                        denied.add(topic + " (WRITE)");
                    }
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        missing.add(topic);
                    } else if (e.getCause() instanceof TopicAuthorizationException) {
                        denied.add(topic + " (DESCRIBE)");
                    } else {
                        throw e;
                    }
                }
            }
            if (!denied.isEmpty()) {
                throw new IllegalStateException("not authorized on " + bootstrap + ": " + String.join(", ", denied)
                        + " (grant the ACLs listed in README.md, \"Running against a real cluster\")");
            }
            if (missing.isEmpty()) {
                return;
            }
            if (!create) {
                throw new IllegalStateException("missing topic(s) on " + bootstrap + ": " + String.join(", ", missing)
                        + " (create them, or set processor.create.topics=true for development)");
            }
            admin.createTopics(missing.stream().map(t -> new NewTopic(t, Optional.empty(), Optional.empty()).configs(
                            compacted.contains(t) ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                                    : Map.of())).toList())
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unreachable(bootstrap, timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException) {
                throw new IllegalStateException("authentication to Kafka at " + bootstrap + " failed: "
                        + e.getCause().getMessage() + " (check kafka.security.protocol, kafka.sasl.mechanism and "
                        + "kafka.sasl.jaas.config)", e.getCause());
            }
            throw refused(bootstrap, e);
        } finally {
            close(admin);
        }
    }

    private static Admin admin(Map<String, String> kafka) {
        return Admin.create(ProcessorConfig.clientSettings(kafka, AdminClientConfig.configNames()));
    }

    private static void close(Admin admin) {
        // Not the default close, which waits a minute for the calls still pending on a cluster that never answered.
        admin.close(Duration.ofSeconds(1));
    }

    private static IllegalStateException unreachable(String bootstrap, Duration timeout) {
        return new IllegalStateException("cannot reach Kafka at " + bootstrap + " within " + timeout.toSeconds() + " s");
    }

    private static IllegalStateException refused(String bootstrap, ExecutionException e) {
        return new IllegalStateException("Kafka at " + bootstrap + " refused: " + e.getCause().getMessage(), e.getCause());
    }
}
