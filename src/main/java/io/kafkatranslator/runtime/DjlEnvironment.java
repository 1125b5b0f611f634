package io.kafkatranslator.runtime;

import java.nio.file.Path;

/**
 * DJL reads these switches once, when its first class loads, so they are set before any model is
 * opened. Offline: DJL would otherwise look up cloud metadata and send usage telemetry (a chat
 * platform's translator must not open outbound connections). Its native-library cache goes to the
 * configured directory instead of the user's home.
 */
public final class DjlEnvironment {
    public static final String ENGINE = "OnnxRuntime";

    private DjlEnvironment() {
    }

    public static synchronized void configure(Path cacheDir) {
        System.setProperty("offline", "true");
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("DJL_CACHE_DIR", cacheDir.resolve("djl").toString());
        System.setProperty("ENGINE_CACHE_DIR", cacheDir.resolve("djl").toString());
    }
}
