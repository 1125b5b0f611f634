package io.kafkatranslator.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.kafkatranslator.model.ModelDirectory;
import io.kafkatranslator.model.ModelLoadException;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The same two graphs run directly through the ONNX Runtime Java API, without DJL. The benchmark
 * runs the identical decoding loop on it to measure what DJL costs; the product uses {@link DjlBackend}.
 */
public final class OrtBackend implements InferenceBackend {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession encoder;
    private final OrtSession decoderStep;
    private final OrtSession aligner;

    public OrtBackend(ModelDirectory model, int intraOpThreads) {
        Path modelDir = model.dir();
        String alignerGraph = model.manifest().alignerGraph();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (intraOpThreads > 0) {
                options.setInterOpNumThreads(1);
                options.setIntraOpNumThreads(intraOpThreads);
            }
            encoder = env.createSession(modelDir.resolve("encoder.onnx").toString(), options);
            decoderStep = env.createSession(modelDir.resolve("decoder_step.onnx").toString(), options);
            aligner = alignerGraph == null ? null : env.createSession(modelDir.resolve(alignerGraph).toString(), options);
        } catch (OrtException e) {
            throw new ModelLoadException("ONNX Runtime cannot load the model in " + modelDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InferenceSession newSession() {
        return new Session();
    }

    @Override
    public String name() {
        return "ONNX Runtime " + env.getVersion() + " (direct)";
    }

    @Override
    public void close() {
        try {
            encoder.close();
            decoderStep.close();
            if (aligner != null) {
                aligner.close();
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Session implements InferenceSession {
        @Override
        public EncodedBatch encode(long[] sourceIds, long[] lengths, int batch, int sourceLength) {
            try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(sourceIds), new long[] {batch, sourceLength});
                 OnnxTensor lens = OnnxTensor.createTensor(env, LongBuffer.wrap(lengths), new long[] {batch});
                 OrtSession.Result out = encoder.run(Map.of("source_ids", ids, "source_lengths", lens))) {
                OnnxTensor states = (OnnxTensor) out.get(0);
                OnnxTensor init = (OnnxTensor) out.get(1);
                return new EncodedBatch(batch, sourceLength, (int) states.getInfo().getShape()[2],
                        (int) init.getInfo().getShape()[1], toArray(states), toArray(init),
                        EncodedBatch.mask(lengths, sourceLength));
            } catch (OrtException e) {
                throw new InferenceException("encoder failed", e);
            }
        }

        @Override
        public SourceMemory memory(EncodedBatch encoded, int[] sentenceOfRow) {
            int s = encoded.sourceLength();
            int rows = sentenceOfRow.length;
            try {
                OnnxTensor states = OnnxTensor.createTensor(env,
                        FloatBuffer.wrap(InferenceSession.gatherRows(encoded.states(), s * encoded.stateSize(), sentenceOfRow)),
                        new long[] {rows, s, encoded.stateSize()});
                OnnxTensor mask = OnnxTensor.createTensor(env,
                        FloatBuffer.wrap(InferenceSession.gatherRows(encoded.mask(), s, sentenceOfRow)), new long[] {rows, s});
                return new Memory(states, mask, rows);
            } catch (OrtException e) {
                throw new InferenceException("cannot hold encoder states", e);
            }
        }

        @Override
        public StepOutput step(long[] previousIds, float[] state, SourceMemory memory) {
            Memory m = (Memory) memory;
            int rows = previousIds.length;
            try (OnnxTensor prev = OnnxTensor.createTensor(env, LongBuffer.wrap(previousIds), new long[] {rows});
                 OnnxTensor st = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), new long[] {rows, state.length / rows});
                 OrtSession.Result out = decoderStep.run(Map.of("previous_ids", prev, "decoder_state", st,
                         "encoder_states", m.states, "source_mask", m.mask))) {
                OnnxTensor logProbs = (OnnxTensor) out.get(0);
                return new StepOutput(rows, (int) logProbs.getInfo().getShape()[1], toArray(logProbs),
                        toArray((OnnxTensor) out.get(1)), toArray((OnnxTensor) out.get(2)));
            } catch (OrtException e) {
                throw new InferenceException("decoder step failed", e);
            }
        }

        @Override
        public boolean aligns() {
            return aligner != null;
        }

        @Override
        public float[] align(EncodedBatch encoded, int[] sentenceOfRow, long[] targetIds, long[] targetLengths,
                         int targetLength, float[] similarity) {
            int rows = sentenceOfRow.length;
            try (Memory memory = (Memory) memory(encoded, sentenceOfRow);
                 OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(targetIds), new long[] {rows, targetLength});
                 OnnxTensor lens = OnnxTensor.createTensor(env, LongBuffer.wrap(targetLengths), new long[] {rows});
                 OnnxTensor spelt = OnnxTensor.createTensor(env, FloatBuffer.wrap(similarity),
                         new long[] {rows, targetLength, encoded.sourceLength()});
                 OrtSession.Result out = aligner.run(Map.of("target_ids", ids, "target_lengths", lens,
                         "encoder_states", memory.states, "source_mask", memory.mask, "similarity", spelt))) {
                return toArray((OnnxTensor) out.get(0));
            } catch (OrtException e) {
                throw new InferenceException("alignment layer failed", e);
            }
        }

        @Override
        public void close() {
        }
    }

    private static float[] toArray(OnnxTensor tensor) {
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private record Memory(OnnxTensor states, OnnxTensor mask, int rows) implements SourceMemory {
        @Override
        public void close() {
            states.close();
            mask.close();
        }
    }
}
