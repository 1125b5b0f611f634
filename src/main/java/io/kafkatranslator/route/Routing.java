package io.kafkatranslator.route;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.Formality;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.policy.TenantPolicy;
import io.kafkatranslator.message.InputValidator;
import io.kafkatranslator.message.MessageContext;
import io.kafkatranslator.message.Preparation;
import io.kafkatranslator.message.PreparedMessage;
import io.kafkatranslator.reason.ErrorCode;
import io.kafkatranslator.reason.UnsupportedPair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one path from a request to its outcome, for the topology and the translate and evaluate
 * commands alike. A request is routed ({@link LanguageRouter}) and, when a model is to translate it,
 * prepared by that model's translator, once, and carried with its decoding options; routed requests
 * are translated with one model call per language pair and set of options (no call mixes two pairs),
 * and each gets its outcome back in its place. A model call that fails fails its own requests only.
 * Used by one thread: the translators are that thread's, and close with it.
 */
public final class Routing implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Routing.class);

    private final LanguageRouter router;
    private final Map<LanguagePair, BatchTranslator> translators;
    private final TranslationCache cache;

    public Routing(LanguageRouter router, Map<LanguagePair, BatchTranslator> translators) {
        this(router, translators, TranslationCache.NONE);
    }

    /** cache: the instance's recent translations, consulted before each model call. */
    public Routing(LanguageRouter router, Map<LanguagePair, BatchTranslator> translators, TranslationCache cache) {
        this.router = router;
        this.translators = translators;
        this.cache = cache;
    }

    /** A routing over every loaded model, with translators of the calling thread's own. */
    public static Routing open(TranslationModels models) {
        return new Routing(models.router(), translators(models));
    }

    /** One translator per model, by the pair it serves, with predictors of its own. */
    public static Map<LanguagePair, BatchTranslator> translators(TranslationModels models) {
        Map<LanguagePair, BatchTranslator> out = new LinkedHashMap<>();
        models.pairs().forEach(p -> out.put(p, new EngineBatchTranslator(models.find(p))));
        return out;
    }

    /** source: null to detect it. The options are the request's own, already checked. */
    public RoutedRequest route(String source, String target, String text, DecodingOptions options) {
        return route(source, null, target, text, options, Set.of(), TenantPolicy.NONE);
    }

    /**
     * usual: the writer's usual language, translated from when the message's own cannot be detected (may be null);
     * names: the names of the participants of the message's conversation (may be empty); policy: the tenant's, whose
     * memory answers a message it holds without the model, and whose glossary's terms for the pair the message goes
     * to are kept or rendered.
     */
    public RoutedRequest route(String source, String usual, String target, String text, DecodingOptions options,
                               Set<String> names, TenantPolicy policy) {
        LanguageRouter.Route route = router.route(source, usual, target, text);
        if (route instanceof LanguageRouter.Unsupported u) {
            return new RoutedRequest.Rejected(new TranslationError(ErrorCode.UNSUPPORTED_LANGUAGE_PAIR, UnsupportedPair.message(
                    u.source(), u.target(), u.detection() == null ? null : u.detection().confidence(), router.pairs())));
        }
        if (route instanceof LanguageRouter.ToModel m) {
            String remembered = policy.remembered(m.pair(), text);
            if (remembered != null) {
                TranslationError invalid = InputValidator.check(text);
                return invalid != null ? new RoutedRequest.Rejected(invalid) : new RoutedRequest.Remembered(m, text, remembered, options);
            }
            MessageContext context = new MessageContext(names, policy.terms(m.pair()));
            BatchTranslator translator = translators.get(m.pair());
            Preparation p = translator.prepare(text, context);
            // A register asked of a model that has none changes nothing: the request shares batches and cache entries.
            DecodingOptions decoding = translator.followsFormality() ? options : options.withFormality(Formality.AUTO);
            return p instanceof TranslationError e ? new RoutedRequest.Rejected(e)
                    : new RoutedRequest.ToModel(m, (PreparedMessage) p, decoding, context);
        }
        TranslationError invalid = InputValidator.check(text);
        return invalid != null ? new RoutedRequest.Rejected(invalid) : new RoutedRequest.Unchanged(route, text);
    }

    /** One outcome per request, in order. */
    public List<TranslationOutcome> translate(List<RoutedRequest> requests) {
        TranslationOutcome[] out = new TranslationOutcome[requests.size()];
        Map<ModelCall, List<Integer>> calls = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            RoutedRequest request = requests.get(i);
            if (request instanceof RoutedRequest.ToModel m) {
                Translation cached = cache.get(key(m));
                out[i] = cached == null ? null : cached.from(Translation.Origin.CACHE);
                if (out[i] == null) {
                    calls.computeIfAbsent(new ModelCall(m.pair(), m.options()), c -> new ArrayList<>()).add(i);
                }
            } else if (request instanceof RoutedRequest.Remembered r) {
                out[i] = recall(r);
            } else if (request instanceof RoutedRequest.Rejected r) {
                out[i] = r.error();
            } else if (request instanceof RoutedRequest.Withdrawn) {
                out[i] = Translation.empty();
            } else {
                out[i] = Translation.unchanged(((RoutedRequest.Unchanged) request).text());
            }
        }
        calls.forEach((call, members) -> call(call, members, requests, out));
        return Arrays.asList(out);
    }

    private TranslationOutcome recall(RoutedRequest.Remembered r) {
        BatchTranslator model = translators.get(r.pair());
        TranslationCache.Key key = new TranslationCache.Key(r.pair(), model.modelName() + " " + model.modelVersion(), r.text(),
                r.options(), MessageContext.NONE, r.translation());
        Translation cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            Translation recalled = model.recall(r.text(), r.translation(), r.options());
            cache.put(key, recalled);
            return recalled;
        } catch (RuntimeException e) {
            LOG.warn("aligning a remembered translation for {} failed", r.pair(), e);
            return new TranslationError(ErrorCode.TRANSLATION_FAILED, "aligning the translation memory's answer failed: " + e);
        }
    }

    private TranslationCache.Key key(RoutedRequest.ToModel m) {
        BatchTranslator model = translators.get(m.pair());
        return new TranslationCache.Key(m.pair(), model.modelName() + " " + model.modelVersion(), m.message().text(), m.options(),
                m.context().relevantTo(m.message().text()), null);
    }

    /** Requests translated by one model call: the same model and the same decoding options. */
    private record ModelCall(LanguagePair pair, DecodingOptions options) {
    }

    private void call(ModelCall call, List<Integer> members, List<RoutedRequest> requests, TranslationOutcome[] out) {
        List<PreparedMessage> messages = members.stream().map(i -> ((RoutedRequest.ToModel) requests.get(i)).message()).toList();
        try {
            List<TranslationOutcome> translated = translators.get(call.pair()).translate(messages, call.options());
            for (int m = 0; m < members.size(); m++) {
                out[members.get(m)] = translated.get(m);
                if (translated.get(m) instanceof Translation t) {
                    cache.put(key((RoutedRequest.ToModel) requests.get(members.get(m))), t);
                }
            }
        } catch (RuntimeException e) {
            // Never retry forever: requests the engine cannot translate get the reason, the others go on.
            LOG.warn("a model call for {} failed", call.pair(), e);
            for (int i : members) {
                out[i] = new TranslationError(ErrorCode.TRANSLATION_FAILED, "the translation engine failed: " + e);
            }
        }
    }

    /** The translator of a pair this routing serves. */
    public BatchTranslator translator(LanguagePair pair) {
        return translators.get(pair);
    }

    @Override
    public void close() {
        translators.values().forEach(BatchTranslator::close);
    }
}
