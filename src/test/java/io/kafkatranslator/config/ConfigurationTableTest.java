package io.kafkatranslator.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** README.md's configuration table is the settings' declarations, row by row, in their order. */
class ConfigurationTableTest {

    @Test
    void readmeTableRowsAreTheDeclaredSettings() throws IOException {
        List<String> declared = ConfigSource.settings().stream().flatMap(List::stream).map(Setting::row).toList();
        List<String> readme = Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.matches("\\| `(translator|processor|chat)\\..*")).toList();
        assertEquals(String.join("\n", declared), String.join("\n", readme),
                "README.md's configuration table must hold these rows (paste them in place of its own)");
    }

    @Test
    void aValueAgainstItsRuleNamesTheKeyAndTheRule() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TranslatorConfig.from(ConfigSource.of(java.util.Map.of("translator.beam.size", "0"))));
        assertEquals("translator.beam.size must be in 1..16", e.getMessage());
    }
}
