package io.kafkatranslator.message;

import io.kafkatranslator.policy.GlossaryTerm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GlossaryPlaceholdersTest {
    private static final List<GlossaryTerm> TERMS = List.of(new GlossaryTerm("abonnement", "subscription plan"),
            new GlossaryTerm("Kafka Streams", null), new GlossaryTerm("Kafka", "KAFKA-BROKER"),
            new GlossaryTerm("Espace Client", "Customer Area"));

    private static UnitDraft adapted(String text) {
        UnitDraft draft = new UnitDraft(text, Element.of(text, 0, text.length(), List.of()), false,
                new MessageContext(Set.of(), TERMS));
        GlossaryPlaceholders.adapter().adapt(draft);
        return draft;
    }

    @Test
    void aTermIsAPlaceholderForTheModelAndItsRenderingInTheTranslation() {
        UnitDraft draft = adapted("Mon Abonnement est expiré.");
        assertEquals(List.of("Mon", "Tom", "est", "expiré."), draft.words());
        assertEquals("My subscription plan is expired.", Scripted.restore(draft, List.of("My", "Tom", "is", "expired."), 0, 1, 2, 3));
    }

    @Test
    void theLongestTermWinsAndADoNotTranslateTermComesBackAsWritten() {
        UnitDraft draft = adapted("J'utilise kafka  streams, pas Kafka.");
        assertEquals(List.of("J'utilise", "Tom,", "pas", "Mary."), draft.words());
        assertEquals("I use kafka streams, not KAFKA-BROKER.",
                Scripted.restore(draft, List.of("I", "use", "Tom,", "not", "Mary."), 0, 0, 1, 2, 3));
    }

    @Test
    void anElidedArticleIsSpeltOutAndAWordThatOnlyContainsATermIsLeftAlone() {
        assertEquals(List.of("Connectez-vous", "à", "le", "Tom."), adapted("Connectez-vous à l'Espace Client.").words());
        assertEquals(List.of("Un", "récit", "kafkaïen", "et", "abonnements"), adapted("Un récit kafkaïen et abonnements").words());
    }

    @Test
    void aWordGluedAfterATermByPunctuationWithNoSpaceStaysGluedToItsPlaceholder() {
        UnitDraft draft = adapted("Mon abonnement,merci et kafka streams,abonnement-test");
        assertEquals(List.of("Mon", "Tom,merci", "et", "Mary,abonnement-test"), draft.words(),
                "the last word of a term may have more glued after it; a compound with a hyphen is no term");
        assertEquals("My subscription plan,thanks and kafka streams,abonnement-test",
                Scripted.restore(draft, List.of("My", "Tom,thanks", "and", "Mary,abonnement-test"), 0, 1, 2, 3));
    }

    @Test
    void aTermTheModelLeftOutGoesAfterTheWordAlignedWithIt() {
        UnitDraft draft = adapted("Mon abonnement est expiré.");
        assertEquals("My father subscription plan is expired.",
                Scripted.restore(draft, List.of("My", "father", "is", "expired."), 0, 1, 2, 3));
    }
}
