"""Smoke test of the whole pipeline: prepare, train, score, export a tiny model on a few hundred
pairs in seconds, then check the exported files against the model contract (README.md)."""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import unittest

import onnx
import torch
from onnx import TensorProto

import recover

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.environ.get("CORPUS", os.path.join(HERE, "..", "..", "shared", "data", "tatoeba-fra-eng", "fra-eng.tsv"))


def run(*args):
    subprocess.run([sys.executable, *args], cwd=HERE, check=True, stdout=subprocess.DEVNULL)


def io_spec(values):
    """name -> (element type, [dimension name or size])."""
    return {v.name: (v.type.tensor_type.elem_type,
                     [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]) for v in values}


class PipelineSmokeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        work = cls.tmp.name
        data, run_dir, run2, cls.out = (os.path.join(work, d) for d in ("data", "run", "run2", "model"))
        run("prepare.py", "--corpus", CORPUS, "--out", data, "--limit", "600", "--dev-size", "30",
            "--test-size", "30", "--src-vocab", "200", "--tgt-vocab", "200")
        run("wordalign.py", "--data", data)
        tiny = ["--emb", "16", "--enc-hidden", "16", "--dec-hidden", "32", "--attn-hidden", "16",
                "--max-tokens", "400", "--threads", "1"]
        run("train.py", "--data", data, "--run", run_dir, "--max-epochs", "1", *tiny)
        run("train.py", "--data", data, "--run", run2, "--max-epochs", "2", *tiny, "--init",
            os.path.join(run_dir, "best.pt"), "--alignments", os.path.join(data, "train.align"),
            "--augment", "upper=0.1,noaccents=0.1,chat=0.1,typos=0.1,names=0.5,coined=0.3,numbers=0.5,merge=0.1")
        # An interrupted run resumes from its checkpoint and, being finished, stops at once.
        run("train.py", "--data", data, "--run", run2, "--max-epochs", "2", "--threads", "1")
        final = os.path.join(run2, "final.pt")
        run("average.py", "--data", data, "--run", run2, "--out", final, "--threads", "1")
        aligned = os.path.join(run2, "aligned.pt")
        run("aligner.py", "--data", data, "--checkpoint", final, "--alignments", os.path.join(data, "train.align"),
            "--run", os.path.join(work, "align"), "--out", aligned, "--emb", "8", "--hidden", "8", "--key-dim", "8",
            "--epochs", "1", "--hold-out", "10", "--max-tokens", "400", "--threads", "1")
        scores = os.path.join(run2, "scores.json")
        cls.fixtures = os.path.join(work, "parity.json")
        run("reference.py", "--checkpoint", aligned, "--data", data,
            "--scores", scores, "--fixtures", cls.fixtures, "--fixture-count", "3", "--threads", "1")
        run("export.py", "--checkpoint", aligned, "--data", data, "--out", cls.out,
            "--scores", scores, "--run", run_dir, "--run", run2)
        with open(os.path.join(cls.out, "model.json")) as f:
            cls.manifest = json.load(f)
        cls.aligned = aligned

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_graphs_follow_the_contract(self):
        i64, f32 = TensorProto.INT64, TensorProto.FLOAT
        encoder = onnx.load(os.path.join(self.out, "encoder.onnx"))
        onnx.checker.check_model(encoder, full_check=True)
        self.assertEqual(io_spec(encoder.graph.input),
                         {"source_ids": (i64, ["batch", "source_len"]), "source_lengths": (i64, ["batch"])})
        self.assertEqual(io_spec(encoder.graph.output),
                         {"encoder_states": (f32, ["batch", "source_len", 32]), "decoder_state": (f32, ["batch", 32])})
        step = onnx.load(os.path.join(self.out, "decoder_step.onnx"))
        onnx.checker.check_model(step, full_check=True)
        self.assertEqual(io_spec(step.graph.input), {
            "previous_ids": (i64, ["batch"]), "decoder_state": (f32, ["batch", 32]),
            "encoder_states": (f32, ["batch", "source_len", 32]), "source_mask": (f32, ["batch", "source_len"])})
        vocab = self.manifest["architecture"]["target_vocab_size"]
        self.assertEqual(io_spec(step.graph.output), {
            "log_probs": (f32, ["batch", vocab]), "new_decoder_state": (f32, ["batch", 32]),
            "attention": (f32, ["batch", "source_len"])})
        self.assertLessEqual(max(o.version for o in step.opset_import if o.domain in ("", "ai.onnx")), 17)
        tied = [t.name for t in step.graph.initializer if sorted(t.dims) == [16, vocab]]
        self.assertEqual(1, len(tied), f"the tied target embedding is stored once: {tied}")
        aligner = onnx.load(os.path.join(self.out, self.manifest["aligner"]["graph"]))
        onnx.checker.check_model(aligner, full_check=True)
        self.assertEqual(io_spec(aligner.graph.input), {
            "target_ids": (i64, ["batch", "target_len"]), "target_lengths": (i64, ["batch"]),
            "encoder_states": (f32, ["batch", "source_len", 32]), "source_mask": (f32, ["batch", "source_len"]),
            "similarity": (f32, ["batch", "target_len", "source_len"])})
        self.assertEqual(io_spec(aligner.graph.output),
                         {"alignment": (f32, ["batch", "target_len", "source_len"])})

    def test_manifest_names_every_file_with_its_checksum(self):
        m = self.manifest
        self.assertEqual(m["format"], "kafka-translator-model/1")
        self.assertEqual(m["special_ids"], {"pad": 0, "unk": 1, "bos": 2, "eos": 3})
        self.assertEqual(set(m["files"]), {"encoder.onnx", "decoder_step.onnx", "aligner.onnx", "source.model",
                                             "target.model", "source.lexicon.tsv", "phrasebook.tsv"})
        for name, digest in m["files"].items():
            with open(os.path.join(self.out, name), "rb") as f:
                self.assertEqual(hashlib.sha256(f.read()).hexdigest(), digest, name)
        for key in ("test_bleu_beam5", "test_chrf_beam5", "test_bleu_greedy", "test_chrf_greedy"):
            self.assertIn(key, m["scores"])
        self.assertEqual(m["training"]["epochs"], 3)
        self.assertEqual([0.0, 0.1], [stage["guided_alignment_weight"] for stage in m["training"]["stages"]])

    def test_weights_recovered_from_the_graphs_are_the_trained_ones(self):
        trained = torch.load(self.aligned, map_location="cpu")
        recovered = recover.recover(self.out)
        for part, original, rebuilt in (("model", trained["model"], recovered["model"]),
                                        ("aligner", trained["aligner"]["model"], recovered["aligner"]["model"])):
            self.assertEqual(set(original), set(rebuilt), part)
            for name in original:
                self.assertTrue(torch.allclose(original[name], rebuilt[name]), f"{part}: {name}")

    def test_fixtures_hold_greedy_alignment_and_beam_hypotheses(self):
        with open(self.fixtures) as f:
            fixtures = json.load(f)
        self.assertEqual(len(fixtures["sentences"]), 3)
        for s in fixtures["sentences"]:
            greedy = s["greedy"]
            self.assertIn(len(greedy["alignment"]), (len(greedy["ids"]), len(greedy["ids"]) + 1))
            for row in greedy["alignment"]:
                self.assertEqual(len(row), len(s["source_ids"]) + 1)
                self.assertAlmostEqual(sum(row), 1.0, places=4)
            # Several beams can finish at the last step: at least K hypotheses, ranked.
            self.assertGreaterEqual(len(s["beam"]), fixtures["decoding"]["beam_size"])
            scores = [h["score"] for h in s["beam"]]
            self.assertEqual(scores, sorted(scores, reverse=True))


class RegisterSmokeTest(unittest.TestCase):
    """English -> French with the register marks (train.py --register): the marks are source ids after the pieces,
    named in model.json, and the exported encoder reads them."""

    def test_the_marks_are_trained_exported_and_named(self):
        with tempfile.TemporaryDirectory() as work:
            data, run_dir, out = (os.path.join(work, d) for d in ("data", "run", "model"))
            run("prepare.py", "--corpus", CORPUS, "--out", data, "--limit", "400", "--dev-size", "20",
                "--test-size", "20", "--src-vocab", "200", "--tgt-vocab", "200", "--direction", "en-fr")
            run("train.py", "--data", data, "--run", run_dir, "--max-epochs", "1", "--register", "--emb", "16",
                "--enc-hidden", "16", "--dec-hidden", "32", "--attn-hidden", "16", "--max-tokens", "400", "--threads", "1")
            run("export.py", "--checkpoint", os.path.join(run_dir, "best.pt"), "--data", data, "--out", out, "--run", run_dir)
            with open(os.path.join(out, "model.json")) as f:
                manifest = json.load(f)
            self.assertEqual({"formal": 200, "informal": 201}, manifest["register_marks"])
            self.assertEqual(202, manifest["architecture"]["source_vocab_size"])
            self.assertEqual((202, 16), tuple(recover.recover(out)["model"]["encoder.embed.weight"].shape))


if __name__ == "__main__":
    unittest.main()
