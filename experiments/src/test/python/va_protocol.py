#!/usr/bin/env python3
"""The Video Annotator experiment protocol in Python (numpy + scikit-learn + h5py).

An independent implementation of the protocol the paper's reference code runs (see
the project's protocol notes in va-learn/README.md), written to produce the expected figures of the Java replay
(`va replay exp1|splits|exp2`) on generated data sets, and to time the Python protocol on this
machine. It writes JSON in exactly the shape the Java commands write.

It emulates scikit-learn 0.24 (the reference's pinned version) where 1.2 differs: average precision
without a positive is NaN (1.2 returns 0), both in the bootstraps and in the CV scorer.

Usage:
  va_protocol.py splits --data DIR --out FILE [--seed 0]
  va_protocol.py exp1 --data DIR --out FILE [--labels a,b] [--ns 25,50] [--methods ...]
  va_protocol.py exp2 --data DIR --out FILE --labels a --process round-robin [--steps 40 --batch 25]
Never run by the Java test suite; its outputs are committed as fixtures.
"""
import argparse
import csv
import json
import math
import os
import sys
import time
import warnings

import h5py
import numpy as np
from sklearn.linear_model import LogisticRegressionCV
from sklearn.metrics import average_precision_score, make_scorer
from sklearn.metrics.pairwise import cosine_similarity
from sklearn.model_selection import StratifiedKFold

warnings.filterwarnings("ignore")
csv.field_size_limit(sys.maxsize)

N_BOOTSTRAP = 5
BASELINE_THRESHOLD = 1000
CHECKPOINT_SLACK = 10
METHODS = ("random", "zero-shot-50-random-50", "zero-shot")


# ---------------------------------------------------------------- murmur3 and the split
def murmur3_32(data: bytes, seed: int) -> int:
    """MurmurHash3 x86_32 as a signed int (what mmh3.hash returns)."""
    c1, c2, mask = 0xCC9E2D51, 0x1B873593, 0xFFFFFFFF
    h = seed & mask
    n = len(data)
    for i in range(0, n - n % 4, 4):
        k = int.from_bytes(data[i:i + 4], "little")
        k = (k * c1) & mask
        k = ((k << 15) | (k >> 17)) & mask
        k = (k * c2) & mask
        h ^= k
        h = ((h << 13) | (h >> 19)) & mask
        h = (h * 5 + 0xE6546B64) & mask
    tail = data[n - n % 4:]
    k = 0
    for j in reversed(range(len(tail))):
        k = (k << 8) | tail[j]
    if tail:
        k = (k * c1) & mask
        k = ((k << 15) | (k >> 17)) & mask
        k = (k * c2) & mask
        h ^= k
    h ^= n
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & mask
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & mask
    h ^= h >> 16
    return h - (1 << 32) if h >= (1 << 31) else h


def in_validation(key: str, seed: int) -> bool:
    return murmur3_32(key.encode("utf-8"), seed) % 10 < 2


# ---------------------------------------------------------------- data
class Data:
    def __init__(self, folder):
        self.folder = folder
        with open(os.path.join(folder, "shot-data.csv"), newline="", encoding="utf-8") as f:
            keys = [row["key"] for row in csv.DictReader(f)]
        with h5py.File(os.path.join(folder, "embeddings.h5"), "r") as hf:
            self.matrix = hf["embeddings"][:]
        self.row = {k: i for i, k in enumerate(keys)}
        with open(os.path.join(folder, "text-embeddings.json")) as f:
            self.text = json.load(f)

    def labels(self):
        return sorted(n[:-5] for n in os.listdir(os.path.join(self.folder, "agg")) if n.endswith(".json"))

    def _json(self, sub, label):
        path = os.path.join(self.folder, sub, label + ".json")
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def agg(self, label):
        pos, neg = set(), set()
        for x in self._json("agg", label)["data"]:
            (pos if x["agg"] else neg).add(x["key"])
        return Labelled(pos, neg)

    def cmp(self, label):
        return self._json("cmp", label)

    def checkpoints(self, label):
        return self._json("checkpoints", label) or []

    def x(self, keys):
        return self.matrix[[self.row[k] for k in keys]]


class Labelled:
    """A labelled set: rows are sorted positives then sorted negatives."""

    def __init__(self, pos, neg):
        self.pos, self.neg = frozenset(pos), frozenset(neg)
        if not self.pos and not self.neg:
            raise ValueError("labelled set has no data")
        common = self.pos & self.neg
        if common:
            raise ValueError(f"keys in both positive and negative sets: {sorted(common)[:3]}")

    def __len__(self):
        return len(self.pos) + len(self.neg)

    def keys(self):
        return sorted(self.pos) + sorted(self.neg)

    def y(self):
        return np.array([True] * len(self.pos) + [False] * len(self.neg))

    def without(self, keys):
        return Labelled(self.pos - keys, self.neg - keys)

    def __add__(self, other):
        return Labelled(self.pos | other.pos, self.neg | other.neg)


def split(lds, seed):
    tp, tn, vp, vn = set(), set(), set(), set()
    for value, keys in ((True, lds.pos), (False, lds.neg)):
        for k in keys:
            if in_validation(k, seed):
                (vp if value else vn).add(k)
            else:
                (tp if value else tn).add(k)
    if not tp:
        raise ValueError(f"the training split with seed={seed} has no positive instances")
    if not vp:
        raise ValueError(f"the validation split with seed={seed} has no positive instances")
    return Labelled(tp, tn), Labelled(vp, vn)


# ---------------------------------------------------------------- metrics
def ap_nan(y, score):
    """average_precision_score, NaN without a positive (scikit-learn 0.24's behaviour).

    Labels are booleans in the bootstraps and +1/-1 inside LogisticRegressionCV's scoring path.
    """
    if not (np.asarray(y) == 1).any():
        return float("nan")
    return float(average_precision_score(y, score))


def summary(values):
    finite = [v for v in values if not math.isnan(v)]
    if not finite:
        return 0.0, 0.0
    return float(np.mean(finite)), float(np.std(finite))


class Validation:
    def __init__(self, data, lds, bootstraps=N_BOOTSTRAP):
        self.lds = lds
        self.x = data.x(lds.keys())
        self.y = lds.y()
        n = len(self.y)
        self.rows = [np.arange(n)]
        for b in range(1, bootstraps):
            np.random.seed(b)
            self.rows.append(np.random.choice(range(n), n))

    def measure(self, scores):
        return [ap_nan(self.y[r], scores[r]) for r in self.rows]


def baseline(lds):
    n, p = len(lds), len(lds.pos)
    if n >= BASELINE_THRESHOLD:
        return p / n
    np.random.seed(0)
    y = [True] * p + [False] * (n - p)
    scores = np.random.rand(BASELINE_THRESHOLD, n)
    return summary([ap_nan(y, scores[i]) for i in range(BASELINE_THRESHOLD)])[0]


def zero_shot_scores(validation, text):
    return cosine_similarity(validation.x, np.array(text)[np.newaxis, :]).squeeze(axis=1)


AP_SCORER = make_scorer(ap_nan, needs_threshold=True)


def train_and_measure(data, train, validation):
    common = set(train.keys()) & set(validation.lds.keys())
    if common:
        raise ValueError(f"train and validation share keys: {sorted(common)[:3]}")
    model = LogisticRegressionCV(
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=0),
        scoring=AP_SCORER, max_iter=1000, n_jobs=-1)
    model.fit(data.x(train.keys()), train.y())
    return validation.measure(model.predict_proba(validation.x)[:, 1])


def cell(train, values):
    """A trained cell; n_pos is extra (not in the Java output): make_declaration.py reads it."""
    mean, std = summary(values)
    return {"n_train": len(train), "mean": mean, "std": std, "values": values, "n_pos": len(train.pos)}


# ---------------------------------------------------------------- experiment 1
def cmp_training_set(cmp, val_keys, method, n):
    def first(which, count):
        rows = [x for x in cmp[which] if x["key"] not in val_keys][:count]
        return Labelled({x["key"] for x in rows if x["value"]}, {x["key"] for x in rows if not x["value"]})

    if method == "random":
        return first("random", n)
    if method == "zero-shot":
        return first("zero_shot", n)
    if method == "zero-shot-50-random-50":
        n_rand = round(n * 0.5)
        return first("random", n_rand) + first("zero_shot", n - n_rand)
    if method == "zero-shot-20-random-80":
        n_zs = round(n * 0.2)
        return first("random", n - n_zs) + first("zero_shot", n_zs)
    raise ValueError(f"unknown method {method}")


def exp1_label(data, label, ns, methods, seed):
    _, val = split(data.agg(label), seed)
    validation = Validation(data, val)
    val_keys = set(val.keys())
    failed = []
    out = {"baseline": {"mean": baseline(val)}}
    if label in data.text:
        values = validation.measure(zero_shot_scores(validation, data.text[label]))
        mean, std = summary(values)
        out["zero_shot"] = {"mean": mean, "std": std, "values": values}
    else:
        out["zero_shot"] = None
        failed.append({"cell": "zero_shot", "reason": f"no text embedding for label {label}"})
    cmp = data.cmp(label)
    out["cmp"] = {}
    for n in ns:
        for method in methods:
            name = f"{n}|{method}"
            try:
                if cmp is None:
                    raise ValueError("label has no cmp file")
                train = cmp_training_set(cmp, val_keys, method, n)
                out["cmp"][name] = cell(train, train_and_measure(data, train, validation))
            except Exception as e:  # the reference logs and skips a failed cell
                failed.append({"cell": name, "reason": str(e)})
    out["checkpoints"] = []
    for i, c in enumerate(data.checkpoints(label)):
        try:
            train = Labelled(c["pos"], c["neg"]).without(val_keys)
            out["checkpoints"].append(cell(train, train_and_measure(data, train, validation)))
        except Exception as e:
            failed.append({"cell": f"checkpoint/{i}", "reason": str(e)})
    out["va_at_n"] = {}
    for n in ns:
        ok = [c for c in out["checkpoints"] if c["n_train"] <= n + CHECKPOINT_SLACK]
        if ok:
            out["va_at_n"][str(n)] = max(ok, key=lambda c: c["mean"])["mean"]
    out["failed"] = failed
    return out


def run_exp1(args):
    data = Data(args.data)
    labels = args.labels.split(",") if args.labels else data.labels()
    ns = [int(n) for n in args.ns.split(",")]
    methods = args.methods.split(",")
    result = {"settings": {"data": args.data, "ns": ns, "methods": methods, "split_seed": args.seed,
                           "bootstraps": N_BOOTSTRAP}, "labels": {}, "failed": []}
    for label in labels:
        try:
            result["labels"][label] = exp1_label(data, label, ns, methods, args.seed)
        except ValueError as e:
            result["failed"].append({"label": label, "reason": str(e)})
        print(f"exp1 {label} done", file=sys.stderr)
    return result


def run_splits(args):
    data = Data(args.data)
    labels = args.labels.split(",") if args.labels else data.labels()
    out = {}
    for label in labels:
        agg = data.agg(label)
        out[label] = sorted(k for k in agg.keys() if in_validation(k, args.seed))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["splits", "exp1", "exp2"])
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--labels")
    parser.add_argument("--ns", default="25,50,100,500,1000")
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--process")
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--batch", type=int, default=25)
    args = parser.parse_args()
    started = time.time()
    if args.command == "splits":
        args.seed = 0 if args.seed is None else args.seed
        result = run_splits(args)
    elif args.command == "exp1":
        args.seed = 0 if args.seed is None else args.seed
        result = run_exp1(args)
    else:
        import va_protocol_exp2
        args.seed = 1 if args.seed is None else args.seed
        result = va_protocol_exp2.run(args, sys.modules[__name__])
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print(f"python {args.command}: wall time {time.time() - started:.1f} s, cpu time {cpu_seconds():.1f} s",
          file=sys.stderr)


def cpu_seconds():
    """CPU time of this process and its joblib workers (reaped first so that they are counted)."""
    import resource
    try:
        from joblib.externals.loky import get_reusable_executor
        get_reusable_executor().shutdown(wait=True)
    except Exception:  # joblib absent or no executor started
        pass
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


if __name__ == "__main__":
    main()
