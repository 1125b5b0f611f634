package io.kafkatranslator.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlignmentsTest {

    @Test
    void linksOnlyWordsThatAreEachOthersStrongestLeavingAFunctionWordThatLeansOnATakenWordUnlinked() {
        // "je suis étudiant" -> "I am a student": "a" leans on "étudiant", which leans harder on "student".
        float[][] weights = {
                {0.9f, 0.05f, 0.05f},
                {0.1f, 0.8f, 0.1f},
                {0.1f, 0.2f, 0.7f},
                {0.0f, 0.1f, 0.9f},
        };
        assertEquals("0-0 1-1 2-3", Alignments.pharaoh(weights));
    }
}
