package io.kafkatranslator.runtime;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.onnxruntime.engine.OrtNDArray;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.kafkatranslator.model.ModelDirectory;
import io.kafkatranslator.model.ModelLoadException;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;

/**
 * The product's backend: DJL with its ONNX Runtime engine, named explicitly because another engine
 * on the classpath would otherwise become DJL's default. One ZooModel per graph shared by all
 * threads; a Predictor per session, since Predictors are not thread-safe. The alignment layer
 * (aligner.onnx) is loaded only where the model has one.
 */
public final class DjlBackend implements InferenceBackend {
    private final ZooModel<NDList, NDList> encoder;
    private final ZooModel<NDList, NDList> decoderStep;
    private final ZooModel<NDList, NDList> aligner;

    public DjlBackend(ModelDirectory model, int intraOpThreads) {
        Path modelDir = model.dir();
        String alignerGraph = model.manifest().alignerGraph();
        try {
            encoder = load(modelDir, "encoder", intraOpThreads);
            decoderStep = load(modelDir, "decoder_step", intraOpThreads);
            aligner = alignerGraph == null ? null : load(modelDir, graphName(alignerGraph), intraOpThreads);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new ModelLoadException("DJL/ONNX Runtime cannot load the model in " + modelDir + ": " + e.getMessage(), e);
        }
    }

    private static String graphName(String fileName) {
        return fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - ".onnx".length()) : fileName;
    }

    private static ZooModel<NDList, NDList> load(Path dir, String graph, int intraOpThreads)
            throws IOException, ModelNotFoundException, MalformedModelException {
        Criteria.Builder<NDList, NDList> builder = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(dir)
                .optModelName(graph)
                .optEngine(DjlEnvironment.ENGINE)
                .optTranslator(new NoopTranslator());
        if (intraOpThreads > 0) {
            // DJL 0.38 applies intraOpNumThreads only when interOpNumThreads is given too.
            builder.optOption("interOpNumThreads", "1")
                    .optOption("intraOpNumThreads", Integer.toString(intraOpThreads));
        }
        return builder.build().loadModel();
    }

    @Override
    public InferenceSession newSession() {
        return new Session();
    }

    @Override
    public String name() {
        return "DJL " + ai.djl.engine.Engine.getDjlVersion() + " + " + DjlEnvironment.ENGINE;
    }

    @Override
    public void close() {
        encoder.close();
        decoderStep.close();
        if (aligner != null) {
            aligner.close();
        }
    }

    private final class Session implements InferenceSession {
        private final Predictor<NDList, NDList> encoderPredictor = encoder.newPredictor();
        private final Predictor<NDList, NDList> stepPredictor = decoderStep.newPredictor();
        private final Predictor<NDList, NDList> alignPredictor = aligner == null ? null : aligner.newPredictor();
        private final NDManager manager = decoderStep.getNDManager().newSubManager();

        @Override
        public EncodedBatch encode(long[] sourceIds, long[] lengths, int batch, int sourceLength) {
            try (NDManager call = manager.newSubManager()) {
                NDList out = encoderPredictor.predict(new NDList(
                        named(call.create(sourceIds, new Shape(batch, sourceLength)), "source_ids"),
                        named(call.create(lengths, new Shape(batch)), "source_lengths")));
                NDArray states = out.get(0);
                NDArray init = out.get(1);
                int stateSize = (int) states.getShape().get(2);
                int decoderSize = (int) init.getShape().get(1);
                return new EncodedBatch(batch, sourceLength, stateSize, decoderSize,
                        floats(states), floats(init), EncodedBatch.mask(lengths, sourceLength));
            } catch (TranslateException e) {
                throw new InferenceException("encoder failed", e);
            }
        }

        @Override
        public SourceMemory memory(EncodedBatch encoded, int[] sentenceOfRow) {
            NDManager owner = manager.newSubManager();
            int s = encoded.sourceLength();
            NDArray states = named(owner.create(
                    InferenceSession.gatherRows(encoded.states(), s * encoded.stateSize(), sentenceOfRow),
                    new Shape(sentenceOfRow.length, s, encoded.stateSize())), "encoder_states");
            NDArray mask = named(owner.create(InferenceSession.gatherRows(encoded.mask(), s, sentenceOfRow),
                    new Shape(sentenceOfRow.length, s)), "source_mask");
            return new Memory(owner, states, mask, sentenceOfRow.length);
        }

        @Override
        public StepOutput step(long[] previousIds, float[] state, SourceMemory memory) {
            Memory m = (Memory) memory;
            int rows = previousIds.length;
            try (NDManager call = manager.newSubManager()) {
                NDList out = stepPredictor.predict(new NDList(
                        named(call.create(previousIds, new Shape(rows)), "previous_ids"),
                        named(call.create(state, new Shape(rows, state.length / rows)), "decoder_state"),
                        m.states, m.mask));
                NDArray logProbs = out.get(0);
                return new StepOutput(rows, (int) logProbs.getShape().get(1), floats(logProbs),
                        floats(out.get(1)), floats(out.get(2)));
            } catch (TranslateException e) {
                throw new InferenceException("decoder step failed", e);
            }
        }

        @Override
        public boolean aligns() {
            return alignPredictor != null;
        }

        @Override
        public float[] align(EncodedBatch encoded, int[] sentenceOfRow, long[] targetIds, long[] targetLengths,
                         int targetLength, float[] similarity) {
            int rows = sentenceOfRow.length;
            try (Memory memory = (Memory) memory(encoded, sentenceOfRow); NDManager call = manager.newSubManager()) {
                NDList out = alignPredictor.predict(new NDList(
                        named(call.create(targetIds, new Shape(rows, targetLength)), "target_ids"),
                        named(call.create(targetLengths, new Shape(rows)), "target_lengths"),
                        memory.states, memory.mask,
                        named(call.create(similarity, new Shape(rows, targetLength, encoded.sourceLength())), "similarity")));
                return floats(out.get(0));
            } catch (TranslateException e) {
                throw new InferenceException("alignment layer failed", e);
            }
        }

        @Override
        public void close() {
            encoderPredictor.close();
            stepPredictor.close();
            if (alignPredictor != null) {
                alignPredictor.close();
            }
            manager.close();
        }
    }

    /**
     * NDArray.toFloatArray() copies an ONNX Runtime tensor into a heap ByteBuffer and then reads it
     * float by float through a byte-order view; the tensor's own FloatBuffer is one bulk copy. The
     * log-probabilities are rows x vocabulary floats at every step, so this is the hot path.
     */
    private static float[] floats(NDArray array) {
        FloatBuffer buffer = array instanceof OrtNDArray ort ? ort.getTensor().getFloatBuffer() : null;
        if (buffer == null) {
            return array.toFloatArray();
        }
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    private record Memory(NDManager owner, NDArray states, NDArray mask, int rows) implements SourceMemory {
        @Override
        public void close() {
            owner.close();
        }
    }
}
