package io.kafkatranslator.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelDirectoryTest {

    private static Path copyOfBundledModel(Path cache, Path target) throws IOException {
        Path bundled = ModelDirectory.openAll(List.of(), cache).get(0).dir();
        Files.createDirectories(target);
        try (var files = Files.list(bundled)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    @Test
    void bundledModelsAreExtractedOnceAndVerified(@TempDir Path cache) {
        List<ModelDirectory> first = ModelDirectory.openAll(List.of(), cache);
        List<ModelDirectory> second = ModelDirectory.openAll(List.of(), cache);
        assertEquals(first.stream().map(ModelDirectory::dir).toList(), second.stream().map(ModelDirectory::dir).toList());
        assertEquals("fr-en", first.get(0).manifest().languagePair());
    }

    @Test
    void aMissingDirectoryFailsNamingIt(@TempDir Path tmp) {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> ModelDirectory.openAll(List.of(tmp.resolve("no-such-model")), tmp));
        assertTrue(e.getMessage().contains("no-such-model"), e.getMessage());
    }

    @Test
    void alteredFileFailsNamingIt(@TempDir Path tmp) throws IOException {
        Path dir = copyOfBundledModel(tmp.resolve("cache"), tmp.resolve("model"));
        Files.write(dir.resolve("decoder_step.onnx"), new byte[] {1}, StandardOpenOption.APPEND);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelDirectory.open(dir));
        assertTrue(e.getMessage().contains("altered") && e.getMessage().contains("decoder_step.onnx"), e.getMessage());
    }

    @Test
    void aModelOfAnotherContractVersionFailsSayingWhich(@TempDir Path tmp) throws IOException {
        Path dir = copyOfBundledModel(tmp.resolve("cache"), tmp.resolve("model"));
        Path manifest = dir.resolve(ModelManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace(ModelManifest.FORMAT, "kafka-translator-model/2"));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelDirectory.open(dir));
        assertTrue(e.getMessage().contains("kafka-translator-model/2") && e.getMessage().contains(ModelManifest.FORMAT), e.getMessage());
    }

    @Test
    void missingFileFailsNamingIt(@TempDir Path tmp) throws IOException {
        Path dir = copyOfBundledModel(tmp.resolve("cache"), tmp.resolve("model"));
        Files.delete(dir.resolve("target.model"));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelDirectory.open(dir));
        assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("target.model"), e.getMessage());
    }
}
