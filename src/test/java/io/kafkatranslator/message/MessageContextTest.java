package io.kafkatranslator.message;

import io.kafkatranslator.policy.GlossaryTerm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageContextTest {
    @Test
    void onlyTheNamesAndTermsATextHoldsCanChangeItsTranslation() {
        MessageContext context = new MessageContext(Set.of("Rose", "Pierre"), List.of(new GlossaryTerm("Espace Client", null),
                new GlossaryTerm("abonnement", "subscription plan"), new GlossaryTerm("Kafka Streams", null)));
        assertEquals(new MessageContext(Set.of("Rose"), List.of(new GlossaryTerm("Espace Client", null),
                        new GlossaryTerm("abonnement", "subscription plan"))),
                context.relevantTo("Rose, ton ABONNEMENT est dans l'espace  client ; pierre aussi."),
                "a name as written; a term's every word in any case, whatever the spaces between them");
        assertEquals(MessageContext.NONE, context.relevantTo("Merci !"));
    }
}
