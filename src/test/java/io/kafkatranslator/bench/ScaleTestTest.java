package io.kafkatranslator.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleTestTest {
    @Test
    void measuresEveryLayoutWithItsOwnChildInstancesAndSizesFromTheOneInstanceRow(@TempDir Path dir) throws Exception {
        Path src = Files.writeString(dir.resolve("src.txt"), String.join("\n", "Je suis étudiant.", "Il fait froid.",
                "Merci beaucoup !", "Où est la gare ?", "J'ai deux chats.", "Nous partons demain matin.") + "\n");
        Path out = dir.resolve("scaling.md");
        int status = new ScaleTest(List.of(ScaleTest.Layout.parse("1x1"), ScaleTest.Layout.parse("2x1")), List.of(), 2,
                src, 60, out).run();
        assertEquals(0, status);
        String table = Files.readString(out);
        Matcher rows = Pattern.compile("\\| (\\d) x 1 \\| ([\\d.]+) \\| [\\d.]+ \\| [\\d.]+ of \\d \\| ([\\d.]+) \\|").matcher(table);
        int layouts = 0;
        while (rows.find()) {
            layouts++;
            assertEquals(Integer.toString(layouts), rows.group(1), table);
            assertTrue(Double.parseDouble(rows.group(2)) > 0 && Double.parseDouble(rows.group(3)) > 0, table);
        }
        assertEquals(2, layouts, table);
        assertTrue(table.contains("1 -> 2 instances: beam x"), table);
        assertTrue(Pattern.compile("\\| 1,000 \\| \\d+ \\| \\d+ \\|").matcher(table).find(), table);
    }
}
