package io.kafkatranslator.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RepeatedWarningsTest {

    @Test
    void aKafkaClientsRepeatedWarningIsLoggedOncePerIntervalAndTheNextOneSaysHowManyWereLeftOut() throws Exception {
        LoggerContext context = new LoggerContext();
        RepeatedWarnings filter = new RepeatedWarnings();
        filter.setIntervalMs(200);
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.setContext(context);
        logged.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logged);
        Logger client = context.getLogger("org.apache.kafka.clients.NetworkClient");
        Logger ours = context.getLogger("io.kafkatranslator.app.ProcessorApp");
        for (int i = 0; i < 50; i++) {
            client.warn("[Consumer clientId=c1] Connection to node {} could not be established.", 1);
            ours.warn("not a client's: never held back");
        }
        Thread.sleep(300);
        client.warn("[Consumer clientId=c1] Connection to node {} could not be established.", 1);
        assertEquals(50, logged.list.stream().filter(e -> e.getLoggerName().endsWith("ProcessorApp")).count());
        assertEquals(java.util.List.of("Connection", "the next warning was repeated 49 more time(s) in the last 0 s", "Connection"),
                logged.list.stream().filter(e -> !e.getLoggerName().endsWith("ProcessorApp"))
                        .map(e -> e.getFormattedMessage().contains("Connection") ? "Connection" : e.getFormattedMessage()).toList());
    }
}
