#!/usr/bin/env python3
"""Builds CLIP-interface TorchScript models with RANDOM weights, offline, for tests and benchmarks.

  make_tiny_clip.py OUT_DIR
      A tiny model (a few hundred KB): OUT_DIR/single/ holds one module `model.pt` with
      `encode_image` and `encode_text` methods plus vocab.json + merges.txt; OUT_DIR/split/ holds
      `image_encoder.pt` + `text_encoder.pt` plus tokenizer.json. Both share config.json and the
      weights, and golden.json records PyTorch's outputs for fixed inputs, which the Java tests
      (ClipEmbedderTest) compare against the real DJL path.

  make_tiny_clip.py OUT_DIR --vit-b32-size [--bench N]
      A ViT-B/32-sized image encoder (88M random parameters, ~350 MB, not committed) with the same
      folder layout, for `va bench clip`; --bench N also times PyTorch itself on N frames.

Run with Debian's python3 (apt-get install python3-torch python3-numpy). The tiny model committed
under va-embed/src/test/resources/tiny-clip/ was made by
  /usr/bin/python3 va-embed/scripts/make_tiny_clip.py va-embed/src/test/resources/tiny-clip
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clip_bpe  # noqa: E402

MEAN = [0.48145466, 0.4578275, 0.40821073]
STD = [0.26862954, 0.26130258, 0.27577711]
CONTEXT = 77
WORDS = ("a photo of the city at night day camera pans over street crowd of people close up "
         "shot car driving fast zoom in on a face text on screen sunset beach indoor kitchen "
         "dark scene bright morning handheld shaky static wide landscape mountain river").split()


class TinyClip(nn.Module):
    """Patch embedding + mean pool for images; token + position embedding, one residual MLP and
    the end-of-text position (argmax of the ids, as CLIP does) for text."""

    def __init__(self, vocab_size, image_size=32, patch=8, width=32, embed_dim=24):
        super().__init__()
        self.patch = nn.Conv2d(3, width, patch, patch)
        self.image_norm = nn.LayerNorm(width)
        self.image_proj = nn.Linear(width, embed_dim)
        self.token = nn.Embedding(vocab_size, width)
        self.position = nn.Parameter(torch.randn(CONTEXT, width) * 0.1)
        self.text_mlp = nn.Sequential(nn.Linear(width, width), nn.GELU(), nn.Linear(width, width))
        self.text_norm = nn.LayerNorm(width)
        self.text_proj = nn.Linear(width, embed_dim)

    @torch.jit.export
    def encode_image(self, image: torch.Tensor) -> torch.Tensor:
        x = self.patch(image).flatten(2).mean(2)
        return self.image_proj(self.image_norm(x))

    @torch.jit.export
    def encode_text(self, text: torch.Tensor) -> torch.Tensor:
        x = self.token(text) + self.position
        x = self.text_norm(x + self.text_mlp(x))
        eot = text.argmax(dim=-1)
        x = x[torch.arange(x.shape[0]), eot]
        return self.text_proj(x)

    def forward(self, image: torch.Tensor, text: torch.Tensor):
        return self.encode_image(image), self.encode_text(text)


class ImageTower(nn.Module):
    def __init__(self, clip):
        super().__init__()
        self.clip = clip

    def forward(self, image: torch.Tensor) -> torch.Tensor:
        return self.clip.encode_image(image)


class TextTower(nn.Module):
    def __init__(self, clip):
        super().__init__()
        self.clip = clip

    def forward(self, text: torch.Tensor) -> torch.Tensor:
        return self.clip.encode_text(text)


class VitB32(nn.Module):
    """CLIP ViT-B/32 image tower shape: 32 px patches, width 768, 12 layers, 12 heads, 512 out."""

    def __init__(self):
        super().__init__()
        self.patch = nn.Conv2d(3, 768, 32, 32, bias=False)
        self.cls = nn.Parameter(torch.randn(768) * 0.02)
        self.position = nn.Parameter(torch.randn(50, 768) * 0.01)
        self.pre_norm = nn.LayerNorm(768)
        layer = nn.TransformerEncoderLayer(768, 12, 3072, dropout=0.0, activation="gelu",
                                           batch_first=True, norm_first=True)
        self.blocks = nn.TransformerEncoder(layer, 12)
        self.post_norm = nn.LayerNorm(768)
        self.proj = nn.Linear(768, 512, bias=False)

    def forward(self, image):
        x = self.patch(image).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls.expand(x.shape[0], 1, 768), x], dim=1) + self.position
        x = self.blocks(self.pre_norm(x))
        return self.proj(self.post_norm(x[:, 0]))


def pattern_image(kind, size):
    """The fixed test pictures, defined by formula so Java can rebuild them exactly (uint8 HWC)."""
    y, x = np.mgrid[0:size, 0:size]
    if kind == 0:
        rgb = [(x * 7 + y * 3) % 256, (x * y) % 256, (255 - x * 5) % 256]
    else:
        rgb = [(y * 8) % 256, (x * 8 + 40) % 256, ((x + y) * 4) % 256]
    return np.stack(rgb, axis=-1).astype(np.uint8)


def to_tensor(img):
    t = torch.from_numpy(img.astype(np.float32) / 255.0).permute(2, 0, 1)
    t = (t - torch.tensor(MEAN)[:, None, None]) / torch.tensor(STD)[:, None, None]
    return t.unsqueeze(0)


def unit(v):
    v = v.detach().double().numpy().reshape(-1)
    return (v / np.linalg.norm(v)).tolist()


def write_config(folder, name, image_size, embed_dim):
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump({"model_name": name, "image_size": image_size, "mean": MEAN, "std": STD,
                   "context_length": CONTEXT, "embed_dim": embed_dim}, f, indent=2)


def write_vocab_merges(folder, tok, merges):
    with open(os.path.join(folder, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(tok.encoder, f, ensure_ascii=False)
    with open(os.path.join(folder, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n")
        f.writelines(a + " " + b + "\n" for a, b in merges)


def write_tokenizer_json(folder, tok, merges):
    doc = {"version": "1.0",
           "added_tokens": [{"id": tok.encoder[t], "content": t, "special": True}
                            for t in (clip_bpe.SOT, clip_bpe.EOT)],
           "model": {"type": "BPE", "end_of_word_suffix": "</w>", "vocab": tok.encoder,
                     "merges": [a + " " + b for a, b in merges]}}
    with open(os.path.join(folder, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)


def make_tiny(out):
    torch.manual_seed(0)
    merges = clip_bpe.learn_merges(WORDS, 80)
    tok = clip_bpe.Tokenizer(merges)
    model = TinyClip(len(tok.encoder)).eval()
    single = os.path.join(out, "single")
    split = os.path.join(out, "split")
    os.makedirs(single, exist_ok=True)
    os.makedirs(split, exist_ok=True)
    torch.jit.script(model).save(os.path.join(single, "model.pt"))
    torch.jit.script(ImageTower(model)).save(os.path.join(split, "image_encoder.pt"))
    torch.jit.script(TextTower(model)).save(os.path.join(split, "text_encoder.pt"))
    for folder in (single, split):
        write_config(folder, "tiny-clip-random", 32, 24)
    write_vocab_merges(single, tok, merges)
    write_tokenizer_json(split, tok, merges)

    texts = ["a photo of the city at night", "Camera PANS over the  crowd!!", "zoom in 2 faces",
             "unknownword x_y"]
    golden = {"images": [], "texts": []}
    with torch.no_grad():
        for kind in (0, 1):
            golden["images"].append({"pattern": kind, "size": 32,
                                     "vector": unit(model.encode_image(to_tensor(pattern_image(kind, 32))))})
        for text in texts:
            ids = tok.tokenize(text)
            vec = model.encode_text(torch.tensor([ids], dtype=torch.long))
            golden["texts"].append({"text": text, "ids": ids, "vector": unit(vec)})
    with open(os.path.join(out, "golden.json"), "w") as f:
        json.dump(golden, f, indent=1)
    print("wrote", out, "vocab", len(tok.encoder))


def make_vit(out, bench):
    torch.manual_seed(0)
    os.makedirs(out, exist_ok=True)
    model = VitB32().eval()
    example = torch.randn(1, 3, 224, 224)
    with torch.no_grad():
        traced = torch.jit.trace(model, example)
    path = os.path.join(out, "image_encoder.pt")
    traced.save(path)
    write_config(out, "vit-b32-random", 224, 512)
    merges = clip_bpe.learn_merges(WORDS, 80)
    write_vocab_merges(out, clip_bpe.Tokenizer(merges), merges)
    print("wrote", path, sum(p.numel() for p in model.parameters()), "parameters")
    if bench:
        torch.set_num_threads(2)
        loaded = torch.jit.load(path)
        batch = torch.randn(8, 3, 224, 224)
        with torch.no_grad():
            loaded(batch)  # warm-up
            start = time.perf_counter()
            done = 0
            while done < bench:
                loaded(batch)
                done += batch.shape[0]
            took = time.perf_counter() - start
        print(f"pytorch {torch.__version__}: {done} frames in {took:.2f} s = {done / took:.1f} frames/s "
              f"(batch 8, 2 threads)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--vit-b32-size", action="store_true")
    parser.add_argument("--bench", type=int, default=0, help="frames to time PyTorch on")
    args = parser.parse_args()
    if args.vit_b32_size:
        make_vit(args.out, args.bench)
    else:
        make_tiny(args.out)


if __name__ == "__main__":
    main()
