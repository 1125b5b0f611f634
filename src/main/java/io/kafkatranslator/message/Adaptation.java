package io.kafkatranslator.message;

/**
 * One reversible change of a unit for the model, as bergamot-translator's HTML class takes markup
 * out of a text and puts it back in the response: an instance belongs to one unit, records what it
 * changed there, and undoes it in that unit's translation. Each adaptation's class holds both halves
 * (a static adapt(UnitDraft) that makes the change and records an instance on the draft, and
 * {@link #restore}); {@link Adaptations} declares their order.
 */
public interface Adaptation {

    /** Undoes, in the unit's translation, what this adaptation changed in the unit. */
    void restore(UnitOutput output);

    /** Changes a unit on its way to the model, recording an {@link Adaptation} where there is something to undo. */
    @FunctionalInterface
    interface Adapter {
        void adapt(UnitDraft draft);
    }
}
