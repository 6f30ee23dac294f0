#!/usr/bin/env python3
"""Writes a replay declaration (YAML) whose expected figures come from a reference_protocol.py result.

  make_declaration.py --name NAME --description TEXT --generate SEED,SHOTS,DIM,LABEL+LABEL \
      --experiment exp1 --result py.json [--ns 25,50] [--process NAME --steps 10 --batch 25] --out FILE.yaml

Tolerances follow the targets: the random baseline and zero-shot AP on bootstrap 0 (the validation
set itself) do not depend on training and must agree to 1e-9; the zero-shot mean gets 0.005,
because the reference's cosine_similarity gives two copies of one shot in a bootstrap scores one
ulp apart (BLAS blocking), so ties break arbitrarily there; anything a logistic regression produced gets 0.02 AP; sizes and choice
histories that do not depend on scores are exact.
"""
import argparse
import hashlib
import json
import os

import yaml

EXACT = 1e-9
TRAINED = 0.02
ZERO_SHOT_MEAN = 0.005
# With a single training positive, the fold that holds it trains on negatives only: its model and
# the warm start of the refit are arbitrary, so the cell's AP is noise in any implementation.
DEGENERATE = 1.0
DEGENERATE_NOTE = "one training positive: a CV fold has no positive, the fit is arbitrary; only presence is checked"


def trained(figure, c):
    if c.get("n_pos", 2) < 2:
        return {"figure": figure, "value": c["mean"], "tolerance": DEGENERATE, "note": DEGENERATE_NOTE}
    return {"figure": figure, "value": c["mean"], "tolerance": TRAINED}


def exp1_figures(result):
    figures = []
    for label, r in result["labels"].items():
        base = f"labels/{label}"
        figures.append({"figure": f"{base}/baseline/mean", "value": r["baseline"]["mean"], "tolerance": EXACT})
        if r.get("zero_shot"):
            figures.append({"figure": f"{base}/zero_shot/values/0", "value": r["zero_shot"]["values"][0], "tolerance": EXACT})
            figures.append({"figure": f"{base}/zero_shot/mean", "value": r["zero_shot"]["mean"], "tolerance": ZERO_SHOT_MEAN})
        for cell, c in r["cmp"].items():
            figures.append({"figure": f"{base}/cmp/{cell}/n_train", "value": c["n_train"]})
            figures.append(trained(f"{base}/cmp/{cell}/mean", c))
        for i, c in enumerate(r["checkpoints"]):
            figures.append({"figure": f"{base}/checkpoints/{i}/n_train", "value": c["n_train"]})
            figures.append(trained(f"{base}/checkpoints/{i}/mean", c))
        for n, v in r["va_at_n"].items():
            figures.append({"figure": f"{base}/va_at_n/{n}", "value": v, "tolerance": TRAINED})
        for f in r["failed"]:
            if "|" in f["cell"]:
                figures.append({"figure": f"{base}/cmp/{f['cell']}", "value": None})
    for f in result["failed"]:
        figures.append({"figure": f"labels/{f['label']}", "value": None})
    return figures


def exp2_figures(result, exact_choices, step_tolerance=TRAINED):
    figures = []
    for label, r in result["labels"].items():
        base = f"labels/{label}"
        if exact_choices:
            figures.append({"figure": f"{base}/choice_history", "value": r["choice_history"]})
        for i, s in enumerate(r["steps"]):
            if exact_choices:
                figures.append({"figure": f"{base}/steps/{i}/n_train", "value": s["n_train"]})
            figures.append({"figure": f"{base}/steps/{i}/mean", "value": s["mean"], "tolerance": step_tolerance})
    return figures


def fingerprint(folder):
    """SHA-256 of what the protocol reads, in DataFingerprint.java's canonical lines."""
    import struct
    import sys
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import numpy as np
    import released_data as vp

    data = vp.Data(folder)
    digest = hashlib.sha256()

    def line(text):
        digest.update((text + "\n").encode("utf-8"))

    keys = sorted(data.row, key=data.row.get)
    line(f"shots {data.matrix.shape[0]} {data.matrix.shape[1]}")
    for k in keys:
        line(f"key {k}")
    line("embeddings " + hashlib.sha256(np.ascontiguousarray(data.matrix, dtype="<f4").tobytes()).hexdigest())
    for label in data.labels():
        line(f"label {label}")
        if label in data.text:
            line("text " + ",".join(struct.pack(">d", float(v)).hex() for v in data.text[label]))
        agg = data.agg(label)
        for k in sorted(agg.pos | agg.neg):
            line(f"agg {k} {1 if k in agg.pos else 0}")
        cmp = data.cmp(label)
        if cmp is not None:
            for which in ("random", "zero_shot"):
                for x in cmp[which]:
                    line(f"{which} {x['key']} {1 if x['value'] else 0}")
        for i, c in enumerate(data.checkpoints(label)):
            for side in ("pos", "neg"):
                for k in sorted(c[side]):
                    line(f"checkpoint {i} {side} {k}")
    return digest.hexdigest()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--name", required=True)
    p.add_argument("--description", required=True)
    p.add_argument("--generate", required=True, help="SEED,SHOTS,DIM,LABEL+LABEL")
    p.add_argument("--experiment", choices=["exp1", "exp2"], default="exp1")
    p.add_argument("--result", required=True)
    p.add_argument("--ns")
    p.add_argument("--process")
    p.add_argument("--steps", type=int)
    p.add_argument("--batch", type=int)
    p.add_argument("--seed", type=int, help="exp2 seed base, recorded when given")
    p.add_argument("--exact-choices", action="store_true")
    p.add_argument("--step-tolerance", type=float, default=TRAINED,
                   help="exp2: AP tolerance per step (near-tie sets declare a tighter one)")
    p.add_argument("--data", required=True, help="the generated folder the result was computed on")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    seed, shots, dim, labels = a.generate.split(",")
    result = json.load(open(a.result))
    settings = {"labels": list(result["labels"].keys()) + [f["label"] for f in result.get("failed", [])]}
    if a.ns:
        settings["ns"] = [int(n) for n in a.ns.split(",")]
    if a.process:
        settings.update({"process": a.process, "steps": a.steps, "batch": a.batch})
        if a.seed is not None:
            settings["seed"] = a.seed
    doc = {
        "name": a.name,
        "description": a.description,
        "data": {"generate": {"seed": int(seed), "shots": int(shots), "dim": int(dim), "labels": labels.split("+")},
                 "fingerprint": fingerprint(a.data)},
        "experiment": a.experiment,
        "settings": settings,
        "expected": exp1_figures(result) if a.experiment == "exp1" else exp2_figures(result, a.exact_choices, a.step_tolerance),
    }
    with open(a.out, "w") as f:
        f.write("# Generated by experiments/src/test/python/make_declaration.py from a run of the reference package;\n")
        f.write("# regenerate with experiments/src/test/python/make_declarations.sh.\n")
        yaml.safe_dump(doc, f, sort_keys=False, width=120)


if __name__ == "__main__":
    main()
