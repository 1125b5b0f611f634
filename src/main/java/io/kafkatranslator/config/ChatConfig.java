package io.kafkatranslator.config;

import java.util.List;

/**
 * The chat page's settings (README.md, "Configuration"): where it listens. Bound to the loopback
 * interface by default because the page sends to the input topic on behalf of whoever opens it.
 */
public record ChatConfig(String bindAddress, int port) {

    public static final String BIND_ADDRESS = "chat.bind.address";
    public static final String PORT = "chat.port";

    static final List<String> KNOWN_KEYS = List.of(BIND_ADDRESS, PORT);

    public static ChatConfig from(ConfigSource source) {
        ChatConfig config = new ChatConfig(source.get(BIND_ADDRESS, "127.0.0.1"), source.getInt(PORT, 8090));
        TranslatorConfig.require(config.port >= 0 && config.port <= 65535, PORT + " must be a port, 0 for any free port");
        return config;
    }
}
