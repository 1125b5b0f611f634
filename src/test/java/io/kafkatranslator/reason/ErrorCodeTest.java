package io.kafkatranslator.reason;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorCodeTest {

    @Test
    void theReadmesTableOfReasonCodesListsEveryCodeAndNoOther() throws IOException {
        Matcher rows = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(Files.readString(Path.of("README.md")));
        List<String> documented = rows.results().map(r -> r.group(1)).toList();
        assertEquals(Arrays.stream(ErrorCode.values()).map(Enum::name).toList(), documented);
    }

    @Test
    void anUnsupportedPairIsWordedOneWayWhetherGivenOrDetected() {
        assertEquals("no loaded model translates de into en (the models serve [en-fr, fr-en])",
                UnsupportedPair.message("de", "en", null, List.of("fr-en", "en-fr")));
        assertEquals("the message was detected as de (lead 0.42); no loaded model translates de into en (the models serve [fr-en])",
                UnsupportedPair.message("de", "en", 0.42, List.of("fr-en")));
    }
}
