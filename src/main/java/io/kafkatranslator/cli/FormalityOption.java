package io.kafkatranslator.cli;

import io.kafkatranslator.decode.Formality;
import picocli.CommandLine.Option;

/** --formality of the commands that translate or ask for a translation (translate, produce, evaluate). */
final class FormalityOption {
    @Option(names = "--formality", paramLabel = "F", description = "formal, informal or auto: tu or vous in French "
            + "output (default: translator.formality)")
    private String formality;

    /** The register asked, or null when the option is not given; a UsageException for anything else. */
    Formality asked() {
        if (formality == null) {
            return null;
        }
        try {
            return Formality.parse(formality);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--formality: " + e.getMessage());
        }
    }
}
