#!/usr/bin/python3
"""An independent recomputation of a `va bench loop` run's truth figures, from its own files.

/usr/bin/python3 recompute.py RUN DATA [--max-sessions N]

RUN is the run's --out folder (loop.json, answers/<label>/<policy>-s<seed>.csv, answers/holdout-s<seed>.txt),
DATA the data set in the released layout it ran on (shot-data.csv, embeddings.h5, truth.csv).

For every session and budget step: the step's model is trained again, with scikit-learn instead of
the server, on the first `labels` answers of the session's answers file (the server trained on the
same answers: every budget step builds on all labels given so far), as the protocol defines the
classifier (L2 logistic regression, C by 5-fold stratified CV maximising average precision over 10
values from 1e-4 to 1e4, refit), with the server's two choices: the rows in its order ("yes" keys sorted,
then "no" keys sorted), and the middle of tied Cs; its hold-out AP against truth.csv is compared with the run's
holdoutAp for that seed and step. Also checked exactly: the "yes" answers in each prefix against the
step's `yes`, that no answer is on the hold-out, and that each step's mean equals the mean of its
seeds. The two learners stop L-BFGS at their own tolerances and the server's CV folds are its own
port of scikit-learn's, so the APs agree closely, not bit for bit.
"""
import argparse
import csv
import json
import os
import re
import statistics

import h5py
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import StratifiedKFold


def fit_and_score(x_train, y_train, x_eval):
    """The server's build, in scikit-learn: folds over the rows in the server's order, the middle of the
    Cs whose summed fold APs tie with the best (the server's TieBreak.MIDDLE), refit on all."""
    folds = min(5, int(y_train.sum()), int(len(y_train) - y_train.sum()))
    cv = StratifiedKFold(folds, shuffle=True, random_state=0)
    cs = np.logspace(-4, 4, 10)
    sums = np.zeros(len(cs))
    for train, test in cv.split(x_train, y_train):
        for k, c in enumerate(cs):
            m = LogisticRegression(C=c, max_iter=1000).fit(x_train[train], y_train[train])
            sums[k] += average_precision_score(y_train[test], m.decision_function(x_train[test]))
    tied = [k for k in range(len(cs)) if sums[k] >= sums.max() - 1e-9]
    model = LogisticRegression(C=cs[tied[len(tied) // 2]], max_iter=1000).fit(x_train, y_train)
    return model.decision_function(x_eval)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run")
    ap.add_argument("data")
    ap.add_argument("--max-sessions", type=int, default=0, help="stop after N sessions (0: all)")
    args = ap.parse_args()
    loop = json.load(open(os.path.join(args.run, "loop.json")))
    keys = [row["key"] for row in csv.DictReader(open(os.path.join(args.data, "shot-data.csv")))]
    row_of = {k: i for i, k in enumerate(keys)}
    with h5py.File(os.path.join(args.data, "embeddings.h5"), "r") as f:
        x = np.asarray(f["embeddings"], dtype=np.float64)
    x /= np.linalg.norm(x, axis=1, keepdims=True)  # the corpus stores unit vectors (cosine search)
    truth = {}
    with open(os.path.join(args.data, "truth.csv")) as f:
        reader = csv.reader(f)
        header = next(reader)
        for r in reader:
            truth[r[0]] = r[1:]
    diffs, sessions, exact_failures = [], 0, []
    for label, l in loop["labels"].items():
        column = header.index(label) - 1
        y_all = np.array([int(truth[k][column]) for k in keys])
        for policy, p in l["policies"].items():
            for i, step in enumerate(p["steps"]):
                values = [s["steps"][i]["holdoutAp"] for s in p["seeds"] if s["steps"][i]["holdoutAp"] is not None]
                mean = step["holdout_ap"]["mean"]
                if values and abs(statistics.mean(values) - mean) > 1e-12:
                    exact_failures.append(f"{label}/{policy} step {i}: mean {mean} != mean of seeds")
            for s in p["seeds"]:
                if args.max_sessions and sessions >= args.max_sessions:
                    break
                sessions += 1
                name = re.sub(r"[^A-Za-z0-9_.-]", "_", policy)
                rows = list(csv.DictReader(open(os.path.join(args.run, "answers", label, f"{name}-s{s['seed']}.csv"))))
                holdout = [k.strip() for k in open(os.path.join(args.run, "answers", f"holdout-s{s['seed']}.txt"))]
                hold_rows = np.array([row_of[k] for k in holdout])
                if set(holdout) & {r["key"] for r in rows}:
                    exact_failures.append(f"{label}/{policy}/s{s['seed']}: an answer on the hold-out")
                for step in s["steps"]:
                    n = step["labels"]
                    prefix = rows[:n]
                    yes = sum(r["answer"] == "yes" for r in prefix)
                    if yes != step["yes"]:
                        exact_failures.append(f"{label}/{policy}/s{s['seed']} at {n}: {yes} yes, run says {step['yes']}")
                    if step["holdoutAp"] is None:
                        continue
                    # the server's row order (LabelledSet.orderedKeys): "yes" keys sorted, then "no" keys
                    ordered = sorted(prefix, key=lambda r: (r["answer"] != "yes", r["key"]))
                    y = np.array([r["answer"] == "yes" for r in ordered], dtype=int)
                    scores = fit_and_score(x[[row_of[r["key"]] for r in ordered]], y, x[hold_rows])
                    ours = average_precision_score(y_all[hold_rows], scores)
                    diffs.append((abs(ours - step["holdoutAp"]), label, policy, s["seed"], n, ours, step["holdoutAp"]))
    diffs.sort(reverse=True)
    d = [t[0] for t in diffs]
    print(f"{sessions} sessions, {len(d)} step models retrained with scikit-learn")
    print(f"hold-out AP, |scikit-learn - run|: median {statistics.median(d):.4f}, 90th percentile "
          f"{np.percentile(d, 90):.4f}, max {max(d):.4f}; within 0.01: {sum(x <= 0.01 for x in d)}/{len(d)}, "
          f"within 0.05: {sum(x <= 0.05 for x in d)}/{len(d)}")
    print("largest: " + "; ".join(f"{t[1]}/{t[2]}/s{t[3]} at {t[4]}: {t[5]:.3f} vs {t[6]:.3f}" for t in diffs[:5]))
    print(f"exact checks (yes counts, hold-out untouched, means of seeds): "
          f"{'all hold' if not exact_failures else str(len(exact_failures)) + ' fail: ' + '; '.join(exact_failures[:5])}")


if __name__ == "__main__":
    main()
