package io.kafkatranslator.topology;

import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.message.PreparedMessage;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.metrics.TranslationMetrics;
import io.kafkatranslator.schema.PendingRequest;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.route.RoutedRequest;
import io.kafkatranslator.route.Routing;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The requests of all of a stream thread's tasks fill one batch; each task gets back its own outcomes. */
class ThreadBatchTest {
    private static final LanguagePair FR_EN = new LanguagePair("fr", "en");
    private final FakeTranslator model = new FakeTranslator("fake", false);
    private final ThreadBatch batch = new ThreadBatch(new Routing(new LanguageRouter(Set.of(FR_EN), null), Map.of(FR_EN, model)),
            4, 1000, Duration.ofMillis(5), TranslationMetrics.NONE, () -> { }, () -> 0L);

    /** A task: what it got back, in order. */
    private static final class Task implements ThreadBatch.Member {
        final List<String> outcomes = new ArrayList<>();

        @Override
        public void completed(List<ThreadBatch.Completed> completed) {
            completed.forEach(c -> outcomes.add(((Translation) c.outcome()).text()));
        }
    }

    private void add(Task task, long sequence, String text, long now) {
        add(task, sequence, text, now, now);
    }

    private void add(Task task, long sequence, String text, long now, long arrivedAt) {
        PendingRequest pending = PendingRequest.newBuilder()
                .setRequest(TranslationRequest.newBuilder().setRequestId("r" + sequence).setConversationId("c").setText(text).build())
                .setOriginalValue(ByteBuffer.allocate(0)).setSourceTopic("in").setSourcePartition(0).setSourceOffset(sequence)
                .setArrivedAt(Instant.ofEpochMilli(arrivedAt)).setSourceTokens(2).build();
        RoutedRequest routed = new RoutedRequest.ToModel(new LanguageRouter.ToModel(FR_EN, null), new PreparedMessage(text, List.of(), 2),
                TranslatorConfig.defaults().decoding(), io.kafkatranslator.message.MessageContext.NONE);
        batch.add(new ThreadBatch.Entry(task, sequence, pending, routed), now, now);
    }

    @Test
    void requestsOfTwoTasksShareOneModelCallAndEachTaskGetsItsOwnOutcomesInOrder() {
        Task a = new Task();
        Task b = new Task();
        batch.join();
        batch.join();
        add(a, 0, "A un", 1000);
        add(b, 0, "B un", 1000);
        add(a, 1, "A deux", 1001);
        add(b, 1, "B deux", 1001);
        assertEquals(List.of(4), model.batchSizes);
        assertEquals(List.of("a un", "a deux"), a.outcomes);
        assertEquals(List.of("b un", "b deux"), b.outcomes);
    }

    @Test
    void theDeadlineCountsFromTheBatchsOpeningNotFromItsFirstRequestsArrival() {
        Task a = new Task();
        batch.join();
        add(a, 0, "un", 1000);
        batch.flushIfDue(1005);
        assertEquals(List.of(1), model.batchSizes);
        // Read (and stamped) while that batch was translated, it joins only now: the next batch opens now.
        add(a, 1, "deux", 1005, 1001);
        batch.flushIfDue(1009);
        assertEquals(List.of(1), model.batchSizes, "not due: open less than 5 ms");
        batch.flushIfDue(1010);
        assertEquals(List.of(1, 1), model.batchSizes);
    }
}
