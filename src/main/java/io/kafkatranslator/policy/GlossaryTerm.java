package io.kafkatranslator.policy;

/** A term of a glossary: kept as written where translation is null, else always given as translation. */
public record GlossaryTerm(String term, String translation) {
    public GlossaryTerm {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("a glossary term must not be empty");
        }
        term = term.strip();
    }
}
