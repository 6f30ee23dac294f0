"""Writes the golden fixtures of va-learn's tests (run once; tests never need Python).

    PYTHONPATH=../shared/reference/netflix-videoannotator \
      /usr/bin/python3 va-learn/src/test/python/make_golden.py va-learn/src/test/resources/golden [murmur]

The validation side of each key comes from the reference package itself (its `_key_in_val` with its
`VALIDATION_FRACTION`), never from a transcription: that is how the 2/10 -> 1/5 reduction was missed
once. `murmur` as a second argument rewrites only murmur3.json.

Needs numpy and scikit-learn (Debian: apt-get install python3-numpy python3-sklearn). The
reference pins scikit-learn 0.24.2 / numpy 1.19; numpy's legacy RandomState stream is frozen across
versions, and the algorithms used here (StratifiedKFold, LogisticRegressionCV lbfgs, AP, AUC) give
the same figures in 1.2.
"""
import gzip
import json
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegressionCV
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

warnings.filterwarnings("ignore")
OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)


def dump(name, obj):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, indent=1)


def f32(a):
    """float32 values as their shortest round-trip decimal strings, parsed back as JSON numbers."""
    return [[float(np.format_float_positional(v, unique=True, trim="0")) for v in row] for row in a]


def murmur3_x86_32(data: bytes, seed: int) -> int:
    """Independent Python transcription of the published MurmurHash3_x86_32."""
    c1, c2, mask = 0xCC9E2D51, 0x1B873593, 0xFFFFFFFF
    rotl = lambda x, r: ((x << r) | (x >> (32 - r))) & mask
    h = seed & mask
    n = len(data) // 4
    for i in range(n):
        k = int.from_bytes(data[4 * i: 4 * i + 4], "little")
        k = rotl((k * c1) & mask, 15) * c2 & mask
        h = (rotl(h ^ k, 13) * 5 + 0xE6546B64) & mask
    tail = data[4 * n:]
    k = 0
    for i, b in enumerate(tail):
        k |= b << (8 * i)
    if tail:
        h ^= rotl((k * c1) & mask, 15) * c2 & mask
    h ^= len(data)
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & mask
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & mask
    h ^= h >> 16
    return h - (1 << 32) if h & 0x80000000 else h


def golden_murmur():
    keys = ["", "a", "ab", "abc", "abcd", "abcde", "foo", "hello world",
            "dQw4w9WgXcQ|1234", "-_4Kx1sk3Zo|0", "yt_id|987654", "tt0111161|42",
            "caf\u00e9|1", "\u65e5\u672c\u8a9e|7", "emoji \U0001F3AC|3", "\u00fc\u00f6\u00e4\u00df"]
    rs = np.random.RandomState(7)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
    for _ in range(200):
        n = rs.randint(5, 14)
        keys.append("".join(alphabet[i] for i in rs.randint(0, len(alphabet), n)) + "|" + str(rs.randint(0, 200000)))
    from videoannotator import config as ref_config
    from videoannotator.data import LabeledDataset as RefLabeledDataset
    rows = []
    for key in keys:
        for seed in (0, 42):
            h = murmur3_x86_32(key.encode("utf-8"), seed)
            in_val = RefLabeledDataset._key_in_val(key, ref_config.VALIDATION_FRACTION, seed)
            rows.append({"key": key, "seed": seed, "hash": h, "validation": bool(in_val)})
    dump("murmur3.json", rows)


def golden_random():
    out = {}
    seeds = [0, 1, 42, 2**32 - 1]
    for s in seeds:
        rs = np.random.RandomState(s)
        st = rs.get_state()
        d = {"state_head": [int(v) for v in st[1][:8]], "state_tail": [int(v) for v in st[1][-4:]]}
        d["random_sample"] = rs.random_sample(1300).tolist()  # crosses a 624-word regeneration
        d["randint_10"] = rs.randint(0, 10, 50).tolist()
        d["randint_1000_5000"] = rs.randint(1000, 5000, 50).tolist()
        d["randint_big"] = rs.randint(0, 2**40 + 7, 20).tolist()
        d["randint_exact32"] = rs.randint(0, 2**32, 10).tolist()
        d["permutation_37"] = rs.permutation(37).tolist()
        d["permutation_1"] = rs.permutation(1).tolist()
        arr = list(range(20))
        rs.shuffle(arr)
        d["shuffle_20"] = arr
        d["standard_normal"] = rs.standard_normal(1001).tolist()
        d["after"] = rs.random_sample(3).tolist()
        out[str(s)] = d
    # bootstraps exactly as the reference draws them: np.random.seed(i); np.random.choice(range(n), n)
    boots = {}
    for n in (1, 7, 100, 333):
        boots[str(n)] = []
        for i in range(1, 5):
            np.random.seed(i)
            boots[str(n)].append(np.random.choice(range(n), n).tolist())
    out["bootstrap"] = boots
    # choice with probabilities, with and without replacement; choice without replacement, no p
    p = np.array([0.1, 0.0, 0.25, 0.05, 0.3, 0.2, 0.1])
    rs = np.random.RandomState(3)
    out["choice_p_replace"] = rs.choice(7, 30, replace=True, p=p).tolist()
    out["choice_p_noreplace"] = rs.choice(7, 5, replace=False, p=p).tolist()
    out["choice_noreplace"] = rs.choice(50, 10, replace=False).tolist()
    out["choice_after"] = rs.random_sample(2).tolist()
    out["p"] = p.tolist()
    # permutation of strings, as DatasetOrdered.from_labeled_dataset
    np.random.seed(0)
    words = sorted(["k%03d" % i for i in range(41)])
    out["permutation_words"] = {"input": words, "output": [str(w) for w in np.random.permutation(words)]}
    # init_by_array seeding
    rs = np.random.RandomState(np.array([1, 2, 3, 0xFFFFFFFF], dtype=np.uint32))
    out["by_array"] = {"key": [1, 2, 3, 0xFFFFFFFF], "random_sample": rs.random_sample(10).tolist()}
    # rand(rows, cols) as the random baseline draws it
    np.random.seed(0)
    out["rand_3x5"] = np.random.rand(3, 5).tolist()
    dump("numpy_random.json", out)


def golden_metrics():
    cases = []
    rs = np.random.RandomState(11)
    hand = [
        ([1, 0, 1, 1, 0], [0.9, 0.8, 0.8, 0.2, 0.1]),
        ([1, 1, 0, 0], [0.5, 0.5, 0.5, 0.5]),
        ([0, 0, 1], [0.3, 0.2, 0.1]),
        ([1, 0], [0.0, 1.0]),
        ([1], [0.4]),
        ([0, 1, 0, 1, 0, 0, 1], [3, 3, 2, 2, 2, 1, 0]),
    ]
    for y, s in hand:
        cases.append((np.array(y, bool), np.array(s, float)))
    for n in (10, 57, 300, 2000):
        for tie_levels in (None, 5, 40):
            y = rs.rand(n) < 0.3
            y[0] = True
            y[1] = False
            s = rs.rand(n) if tie_levels is None else rs.randint(0, tie_levels, n).astype(float) / tie_levels
            cases.append((y, s))
    rows = []
    for y, s in cases:
        row = {"y": y.astype(int).tolist(), "score": s.tolist(), "ap": float(average_precision_score(y, s))}
        row["auc"] = float(roc_auc_score(y, s)) if 0 < y.sum() < len(y) else None
        rows.append(row)
    # the random baseline of the protocol for a small validation set
    y = [True] * 7 + [False] * 40
    np.random.seed(0)
    rand_scores = np.random.rand(1000, len(y))
    aps = [average_precision_score(y, rand_scores[i]) for i in range(1000)]
    dump("metrics.json", {"cases": rows, "baseline": {"pos": 7, "neg": 40, "mean_ap": float(np.mean(aps)), "first": aps[:5]}})


def golden_folds():
    rows = []
    rs = np.random.RandomState(5)
    ys = [[True] * 12 + [False] * 30, [True] * 5 + [False] * 5, [False] * 9 + [True] * 21]
    for _ in range(4):
        n = rs.randint(20, 200)
        ys.append((rs.rand(n) < rs.rand()).tolist())
    for y in ys:
        y = np.array(y, bool)
        if y.all() or not y.any():
            continue
        cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
        folds = np.empty(len(y), int)
        for f, (_, test) in enumerate(cv.split(np.zeros((len(y), 1)), y)):
            folds[test] = f
        rows.append({"y": y.astype(int).tolist(), "folds": folds.tolist()})
    dump("stratified_kfold.json", rows)


def va_like(seed, n, d, rate, sep):
    """Unit-norm rows: Gaussian noise plus +-sep times a random direction, positives first."""
    rs = np.random.RandomState(seed)
    direction = rs.standard_normal(d)

    def sample(m):
        y = rs.random_sample(m) < rate
        noise = rs.standard_normal(m * d).reshape(m, d)
        x = noise + sep * np.outer(np.where(y, 1.0, -1.0), direction)
        x = x / np.sqrt(np.sum(x * x, axis=1))[:, None]
        return x.astype(np.float32), y

    x, y = sample(n)
    order = np.argsort(~y, kind="stable")
    xv, yv = sample(400)
    return x[order], y[order], xv, yv


def golden_lr():
    rows = []
    specs = [(120, 8, 0.3, 1.0), (300, 32, 0.25, 0.6), (500, 64, 0.4, 0.35), (200, 16, 0.1, 0.5),
             (60, 24, 0.3, 0.8), (600, 96, 0.33, 0.25)]
    for i, (n, d, rate, sep) in enumerate(specs):
        rs = np.random.RandomState(100 + i)
        direction = rs.randn(d)
        direction /= np.linalg.norm(direction)
        def sample(m):
            y = rs.rand(m) < rate
            x = rs.randn(m, d) * 0.5 + np.outer(np.where(y, sep, -sep * rate), direction)
            return x.astype(np.float32), y
        x, y = sample(n)
        order = np.argsort(~y, kind="stable")  # positives first, as the reference orders rows
        x, y = x[order], y[order]
        xv, yv = sample(400)
        cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
        model = LogisticRegressionCV(cv=cv, scoring="average_precision", max_iter=1000)
        model.fit(x.astype(np.float64), y)
        pv = model.predict_proba(xv.astype(np.float64))[:, 1]
        rows.append({
            "x": f32(x), "y": y.astype(int).tolist(), "xv": f32(xv), "yv": yv.astype(int).tolist(),
            "Cs": model.Cs_.tolist(), "C": float(model.C_[0]),
            "scores": model.scores_[True].tolist(),
            "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0]),
            "val_ap": float(average_precision_score(yv, pv)),
        })
    # embedding-like cases: unit-norm 512-d rows, often fewer rows than dimensions (separable, so
    # large C stops on scipy's ftol rather than at an exact optimum). The data is regenerated by
    # the Java test from the seed with the ported RandomState, so only the outcomes are stored.
    emb = []
    for seed, n, d, rate, sep in [(200, 60, 512, 0.3, 0.08), (201, 250, 512, 0.3, 0.05),
                                  (202, 1000, 512, 0.3, 0.04), (203, 40, 512, 0.25, 0.1),
                                  (204, 500, 512, 0.1, 0.06)]:
        x, y, xv, yv = va_like(seed, n, d, rate, sep)
        cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
        model = LogisticRegressionCV(cv=cv, scoring="average_precision", max_iter=1000)
        model.fit(x.astype(np.float64), y)
        pv = model.predict_proba(xv.astype(np.float64))[:, 1]
        emb.append({
            "seed": seed, "n": n, "d": d, "rate": rate, "sep": sep,
            "x_check": [float(x[0, 0]), float(x[-1, -1]), float(xv[3, 7])],
            "Cs": model.Cs_.tolist(), "C": float(model.C_[0]),
            "scores": model.scores_[True].tolist(),
            "coef_head": model.coef_[0][:8].tolist(), "intercept": float(model.intercept_[0]),
            "val_ap": float(average_precision_score(yv, pv)),
        })
    path = os.path.join(OUT, "logistic_cv_embedding_like.json")
    dump("logistic_cv_embedding_like.json", {"sklearn": sklearn.__version__, "cases": emb})
    path = os.path.join(OUT, "logistic_cv.json.gz")
    with gzip.open(path, "wt") as f:
        json.dump({"sklearn": sklearn.__version__, "cases": rows}, f)


golden_murmur()
if sys.argv[2:] != ["murmur"]:
    golden_random()
    golden_metrics()
    golden_folds()
    golden_lr()
print("wrote", sorted(os.listdir(OUT)))
