#!/usr/bin/env python3
"""Exports a public CLIP checkpoint into the model folder layout that `va ingest --embedder clip`
and `--embedder concat` load through DJL (see va-embed/README.md, "CLIP model folder"):

  OUT/model.pt      TorchScript module with encode_image(images) and encode_text(token_ids)
  OUT/config.json   model_name, image_size, mean, std, context_length, embed_dim
  OUT/vocab.json    CLIP's byte-level BPE vocabulary (token -> id)
  OUT/merges.txt    its merge rules, in rank order

Needs network once (to download the weights) and either open_clip or transformers:

  pip install torch open_clip_torch
  python3 va-embed/scripts/export_clip.py OUT --open-clip ViT-B-32 --pretrained laion2b_s34b_b79k

  pip install torch transformers
  python3 va-embed/scripts/export_clip.py OUT --hf openai/clip-vit-base-patch32

encode_image takes float32 [N, 3, S, S] already resized, centre-cropped and normalised with the
mean/std in config.json; encode_text takes int64 [N, 77] token ids (start token, BPE ids, end
token, zero padding). Both return unnormalised embeddings; va normalises them. The export checks
that the traced module reproduces the eager model on a test batch before it writes anything.
"""
import argparse
import gzip
import json
import os
import sys

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clip_bpe  # noqa: E402

CONTEXT = 77


class Towers(nn.Module):
    """Both towers behind the two method names the Java side calls. The checkpoint is a registered
    submodule so that tracing saves its weights as parameters, not constants."""

    def __init__(self, model, hf):
        super().__init__()
        self.model = model
        self.hf = hf

    def encode_image(self, image):
        if self.hf:
            return self.model.get_image_features(pixel_values=image)
        return self.model.encode_image(image)

    def encode_text(self, text):
        if self.hf:
            return self.model.get_text_features(input_ids=text)
        return self.model.encode_text(text)

    def forward(self, image):
        return self.encode_image(image)


def from_open_clip(name, pretrained):
    import open_clip
    model, _, preprocess = open_clip.create_model_and_transforms(name, pretrained=pretrained)
    model.eval()
    size = model.visual.image_size
    size = size[0] if isinstance(size, (tuple, list)) else size
    normalize = [t for t in preprocess.transforms if type(t).__name__ == "Normalize"][0]
    # open_clip ships OpenAI's merges file; rebuild vocab.json from it as OpenAI does.
    bpe_path = open_clip.tokenizer.default_bpe()
    with gzip.open(bpe_path, "rt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    merges = [tuple(m.split()) for m in lines[1:49152 - 256 - 2 + 1]]
    towers = Towers(model, hf=False)
    info = {"model_name": f"open_clip:{name}:{pretrained}", "image_size": int(size),
            "mean": list(map(float, normalize.mean)), "std": list(map(float, normalize.std))}
    return towers, info, merges, clip_bpe.Tokenizer(merges).encoder


def from_hf(model_id):
    from transformers import CLIPModel, CLIPProcessor
    model = CLIPModel.from_pretrained(model_id, torchscript=True).eval()
    processor = CLIPProcessor.from_pretrained(model_id)
    tok = processor.tokenizer
    if not hasattr(tok, "bpe_ranks"):
        raise SystemExit("the tokenizer of " + model_id + " exposes no BPE merges; use --open-clip")
    merges = sorted(tok.bpe_ranks, key=tok.bpe_ranks.get)
    towers = Towers(model, hf=True)
    ip = processor.image_processor
    size = ip.crop_size["height"] if isinstance(ip.crop_size, dict) else ip.crop_size
    info = {"model_name": f"hf:{model_id}", "image_size": int(size),
            "mean": list(map(float, ip.image_mean)), "std": list(map(float, ip.image_std))}
    return towers, info, merges, tok.get_vocab()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("out")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--open-clip", metavar="ARCH", help="open_clip architecture, e.g. ViT-B-32")
    source.add_argument("--hf", metavar="ID", help="Hugging Face model id, e.g. openai/clip-vit-base-patch32")
    parser.add_argument("--pretrained", default="openai", help="open_clip weights tag")
    args = parser.parse_args()

    towers, info, merges, vocab = (from_open_clip(args.open_clip, args.pretrained) if args.open_clip
                                   else from_hf(args.hf))
    tok = clip_bpe.Tokenizer([tuple(m) for m in merges])
    if tok.encoder != vocab:
        raise SystemExit("the checkpoint's vocabulary differs from CLIP's BPE construction; not exporting")
    size = info["image_size"]
    image = torch.randn(2, 3, size, size)
    text = torch.tensor([tok.tokenize("a photo of a dog"), tok.tokenize("a city street at night")])
    with torch.no_grad():
        traced = torch.jit.trace_module(towers, {"encode_image": image, "encode_text": text})
        for name, x in (("encode_image", image), ("encode_text", text)):
            eager = getattr(towers, name)(x)
            again = getattr(traced, name)(x)
            if not torch.allclose(eager, again, atol=1e-4, rtol=1e-3):
                raise SystemExit(f"traced {name} differs from the eager model; not exporting")
        embed_dim = int(towers.encode_image(image[:1]).shape[-1])

    os.makedirs(args.out, exist_ok=True)
    traced.save(os.path.join(args.out, "model.pt"))
    info.update({"context_length": CONTEXT, "embed_dim": embed_dim})
    with open(os.path.join(args.out, "config.json"), "w") as f:
        json.dump(info, f, indent=2)
    with open(os.path.join(args.out, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False)
    with open(os.path.join(args.out, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n")
        f.writelines(a + " " + b + "\n" for a, b in merges)
    print("exported", info["model_name"], "to", args.out, "embed_dim", embed_dim)


if __name__ == "__main__":
    main()
