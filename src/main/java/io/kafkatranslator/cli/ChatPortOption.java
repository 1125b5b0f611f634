package io.kafkatranslator.cli;

import io.kafkatranslator.config.ChatConfig;
import io.kafkatranslator.config.ConfigSource;
import picocli.CommandLine.Option;

import java.util.Map;

/** --port of the commands that serve the chat page (chat, demo): chat.port said on the command line. */
final class ChatPortOption {
    @Option(names = "--port", paramLabel = "PORT", description = "the chat page's port (default: chat.port, 8090; 0: any free one)")
    private Integer port;

    ConfigSource apply(ConfigSource source) {
        return port == null ? source : source.with(Map.of(ChatConfig.PORT.key(), port.toString()));
    }
}
