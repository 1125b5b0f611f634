package io.kafkatranslator.config;

import java.util.List;

/**
 * The chat page's settings (README.md, "Configuration"): where it listens. Bound to the loopback
 * interface by default because the page sends to the input topic on behalf of whoever opens it.
 */
public record ChatConfig(String bindAddress, int port) {

    public static final Setting<Integer> PORT = Setting.integer("chat.port", 8090, v -> v >= 0 && v <= 65535,
            "a port, 0 for any free port", "the chat page's port (`chat`, `demo`); 0 for any free one");
    public static final Setting<String> BIND_ADDRESS = Setting.text("chat.bind.address", "127.0.0.1", "the interface the chat "
            + "page listens on; `0.0.0.0` exposes it to the network, and with it the right to send requests");

    /** In README.md's order. */
    static final List<Setting<?>> SETTINGS = List.of(PORT, BIND_ADDRESS);

    public static ChatConfig from(ConfigSource source) {
        return new ChatConfig(BIND_ADDRESS.from(source), PORT.from(source));
    }
}
