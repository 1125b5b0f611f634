package io.kafkatranslator.model;

import io.kafkatranslator.reason.UnsupportedPair;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Finds a model's files and proves they are the ones its manifest names. With no directory
 * configured, the models bundled in the jar are used: ONNX Runtime and SentencePiece need real
 * files, so each is copied once into the cache directory under its checksum.
 */
public final class ModelDirectory {
    /** The directions the jar may bundle, under /models/PAIR/. */
    private static final List<String> BUNDLED = List.of("fr-en", "en-fr");

    private final Path dir;
    private final ModelManifest manifest;

    private ModelDirectory(Path dir, ModelManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** The configured directories, each opened and verified, or every bundled model when none is configured. */
    public static List<ModelDirectory> openAll(List<Path> configured, Path cacheDir) {
        return directories(configured, cacheDir).stream().map(ModelDirectory::open).toList();
    }

    /** Of the configured (or bundled) models, the one translating the pair ("fr-en"); only that one is verified. */
    public static ModelDirectory forPair(List<Path> configured, Path cacheDir, String pair) {
        for (Path dir : directories(configured, cacheDir)) {
            if (manifest(dir).languagePair().equals(pair)) {
                return open(dir);
            }
        }
        String[] languages = pair.split("-");
        throw new ModelLoadException(UnsupportedPair.message(languages[0], languages[1], null, pairs(configured, cacheDir)));
    }

    /** The pairs ("fr-en") the configured (or bundled) models serve, read from their manifests alone. */
    public static List<String> pairs(List<Path> configured, Path cacheDir) {
        return directories(configured, cacheDir).stream().map(dir -> manifest(dir).languagePair()).toList();
    }

    public static ModelDirectory open(Path dir) {
        ModelManifest manifest = manifest(dir);
        try {
            verify(dir, manifest.files());
            return new ModelDirectory(dir, manifest);
        } catch (IOException e) {
            throw new ModelLoadException("Cannot read model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The configured directories, or every bundled model extracted into the cache. */
    private static List<Path> directories(List<Path> configured, Path cacheDir) {
        if (!configured.isEmpty()) {
            return configured;
        }
        List<Path> bundled = new ArrayList<>();
        for (String pair : BUNDLED) {
            String resources = "/models/" + pair + "/";
            if (ModelDirectory.class.getResource(resources + ModelManifest.FILE_NAME) != null) {
                bundled.add(extractBundled(resources, cacheDir));
            }
        }
        if (bundled.isEmpty()) {
            throw new ModelLoadException("No model configured (translator.models) and none bundled");
        }
        return bundled;
    }

    private static ModelManifest manifest(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException("Model directory missing: " + dir);
        }
        Path manifestFile = dir.resolve(ModelManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ModelLoadException("Model manifest missing: " + manifestFile);
        }
        try {
            return ModelManifest.read(manifestFile);
        } catch (IOException e) {
            throw new ModelLoadException("Cannot read model in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Fails on the first missing or altered file, naming it. */
    static void verify(Path dir, Map<String, String> expected) throws IOException {
        if (expected == null || expected.isEmpty()) {
            throw new ModelLoadException("Model manifest in " + dir + " lists no files with checksums");
        }
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            Path file = dir.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                throw new ModelLoadException("Model file missing: " + file);
            }
            String actual = sha256(file);
            if (!actual.equalsIgnoreCase(entry.getValue())) {
                throw new ModelLoadException("Model file altered: " + file + " has sha256 " + actual
                        + " but " + ModelManifest.FILE_NAME + " says " + entry.getValue());
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path extractBundled(String resources, Path cacheDir) {
        try (InputStream manifestIn = ModelDirectory.class.getResourceAsStream(resources + ModelManifest.FILE_NAME)) {
            byte[] manifestBytes = manifestIn.readAllBytes();
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifestBytes));
            Path target = cacheDir.resolve("models").resolve(key.substring(0, 16));
            if (Files.isRegularFile(target.resolve(ModelManifest.FILE_NAME))) {
                return target;
            }
            Path staging = Files.createDirectories(cacheDir.resolve("models"))
                    .resolve(key.substring(0, 16) + ".tmp-" + ProcessHandle.current().pid());
            Files.createDirectories(staging);
            ModelManifest manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(manifestBytes, ModelManifest.class);
            for (String name : manifest.files().keySet()) {
                try (InputStream in = ModelDirectory.class.getResourceAsStream(resources + name)) {
                    if (in == null) {
                        throw new ModelLoadException("Bundled model file missing: " + resources + name);
                    }
                    Files.copy(in, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // The manifest goes last: a directory holding it is complete.
            Files.write(staging.resolve(ModelManifest.FILE_NAME), manifestBytes);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isRegularFile(target.resolve(ModelManifest.FILE_NAME))) {
                    throw raced;
                }
            }
            return target;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ModelLoadException("Cannot extract the bundled model into " + cacheDir + ": " + e.getMessage(), e);
        }
    }
}
