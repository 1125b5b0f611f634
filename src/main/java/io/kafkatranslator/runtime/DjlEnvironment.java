package io.kafkatranslator.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * DJL reads these switches once, when its first class loads, so they are set before any model is
 * opened. Offline: DJL would otherwise look up cloud metadata and send usage telemetry (a chat
 * platform's translator must not open outbound connections). Its native-library cache goes to the
 * configured directory instead of the user's home, and so do ONNX Runtime's native libraries:
 * left to itself, ONNX Runtime unpacks them into a new /tmp/onnxruntime-java* directory at every
 * start and leaves the directory behind.
 */
public final class DjlEnvironment {
    public static final String ENGINE = "OnnxRuntime";
    private static final String ORT_NATIVE_PATH = "onnxruntime.native.path";

    private DjlEnvironment() {
    }

    public static synchronized void configure(Path cacheDir) {
        System.setProperty("offline", "true");
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("DJL_CACHE_DIR", cacheDir.resolve("djl").toString());
        System.setProperty("ENGINE_CACHE_DIR", cacheDir.resolve("djl").toString());
        if (System.getProperty(ORT_NATIVE_PATH) == null) {
            Path dir = unpackOnnxRuntime(cacheDir.resolve("onnxruntime"));
            if (dir != null) {
                System.setProperty(ORT_NATIVE_PATH, dir.toString());
            }
        }
    }

    /** The platform's libraries, unpacked once into dir (again only when the jar's differ); null where the jar has none. */
    private static Path unpackOnnxRuntime(Path dir) {
        String arch = System.getProperty("os.arch").matches("amd64|x86_64") ? "x64" : System.getProperty("os.arch");
        String platform = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux") ? "linux-" + arch : null;
        if (platform == null) {
            return null;
        }
        try {
            Files.createDirectories(dir);
            for (String library : List.of("libonnxruntime.so", "libonnxruntime4j_jni.so")) {
                URL resource = DjlEnvironment.class.getResource("/ai/onnxruntime/native/" + platform + "/" + library);
                if (resource == null) {
                    return null;
                }
                URLConnection connection = resource.openConnection();
                Path target = dir.resolve(library);
                if (Files.exists(target) && Files.size(target) == connection.getContentLengthLong()) {
                    continue;
                }
                // Written beside and moved into place: another process starting now sees the old file or the new one.
                Path partial = Files.createTempFile(dir, library, ".partial");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack ONNX Runtime's native libraries into " + dir, e);
        }
    }
}
