#!/usr/bin/env python3
"""Runs Netflix's reference `videoannotator` package (the oracle) and writes its figures as JSON in
exactly the shape `va replay exp1|exp2|splits` writes, so make_declaration.py and `va bench replay`
can compare them.

The reference code is not part of this repository: it is read from the folder given by
--reference (default: the shared reference copy beside the repository), driven through its own
public entry points, never copied. Offline, on Debian's packages:

  apt-get install python3-sklearn python3-pandas python3-h5py python3-xgboost python3-tqdm
  reference_protocol.py exp1 --data DIR --out FILE [--labels a,b] [--ns 25,50,100]
  reference_protocol.py exp2 --data DIR --out FILE --labels a --process ucb [--steps 40 --batch 25 --seed 1]
  reference_protocol.py splits --data DIR --out FILE

Experiment 1 cells are the reference's average-precision-scored runs only (it also runs every cell
a second time scored by balanced accuracy; those figures are not part of the replay). Never run by
the Java test suite; its outputs are committed as fixtures.
"""
import argparse
import itertools
import json
import logging
import os
import resource
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_REFERENCE = os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "reference", "netflix-videoannotator"))
# `va replay exp1` reports, per n, the best checkpoint with at most n + this many training keys.
CHECKPOINT_SLACK = 10
# The reference's decision processes under the names `va replay exp2 --process` accepts.
PROCESSES = {
    "rr": "RoundRobin", "round-robin": "RoundRobin",
    "random": "Random",
    "greedy": "GreedyOracle", "greedy-oracle": "GreedyOracle",
    "eps-greedy-mean": "EpsilonGreedyMean", "eps-greedy-last": "EpsilonGreedyLast",
    "eps-greedy-ewma": "EpsilonGreedyEWMA",
    "ucb": "UCBMean", "ucb-mean": "UCBMean", "ucb-last": "UCBLast", "ucb-ewma": "UCBEWMA",
    "exp3": "Exp3Mean", "exp3-mean": "Exp3Mean", "exp3-last": "Exp3Last", "exp3-ewma": "Exp3EWMA",
}


def metric_cell(lds_train, metric):
    """One trained cell; n_pos is extra (not in the Java output): make_declaration.py reads it."""
    return {"n_train": len(lds_train), "mean": metric.mean, "std": metric.std,
            "values": list(metric.values), "n_pos": lds_train.pos_cnt}


def exp1(args, ref):
    experiments = ref["experiments"]
    ns = tuple(int(n) for n in args.ns.split(","))
    # Only the average-precision runs feed the replay's figures: skip the balanced-accuracy twins,
    # unless the reference is being timed as it runs (va bench replay).
    if not args.with_balanced_accuracy:
        experiments.Experiment.comp_iter = property(
            lambda self: list(itertools.product(self.ns, self.methods, ("average_precision",))))
    # The reference trains its checkpoints in one list comprehension, so a single checkpoint with
    # one class (say, 22 positives and no negative) raises out of experiment_active_learning and
    # loses every figure of the label. `va replay` records such a cell as failed and goes on; to
    # compare the rest, the reference's run_experiment is wrapped to return None where it raises.
    original_run = experiments.run_experiment

    def run_or_none(*a, **kw):
        try:
            return original_run(*a, **kw)
        except Exception as e:  # noqa: BLE001 - recorded as a failed cell below
            run_or_none.errors.append(str(e))
            return None

    run_or_none.errors = []
    experiments.run_experiment = run_or_none
    experiment = experiments.Experiment(ns=ns)
    labels = args.labels.split(",") if args.labels else ref["labels"]()
    result = {"settings": {"data": args.data, "ns": list(ns), "methods": list(experiment.methods),
                           "split_seed": experiment.seed, "bootstraps": ref["config"].N_BOOTSTRAP},
              "labels": {}, "failed": []}
    for label in labels:
        try:
            r = experiment.experiment_active_learning(label=label)
        except Exception as e:  # the reference refuses labels whose split has no positive
            result["failed"].append({"label": label, "reason": str(e)})
            continue
        out = {"baseline": {"mean": r["baseline_agg"].mean}}
        zs = r["zero_shot"].average_precision
        out["zero_shot"] = {"mean": zs.mean, "std": zs.std, "values": list(zs.values)}
        out["cmp"], failed = {}, []
        for n, method in itertools.product(ns, experiment.methods):
            res = r["cmp"].get((n, method, "average_precision"))  # None when it raised
            if res is None:
                failed.append({"cell": f"{n}|{method}", "reason": "the reference logged a failure for this cell"})
            else:
                out["cmp"][f"{n}|{method}"] = metric_cell(res.lds_train, res.average_precision)
        out["checkpoints"] = []
        for i, c in enumerate(r["checkpoints"]):
            if c is None:
                failed.append({"cell": f"checkpoint/{i}", "reason": "the reference could not train this checkpoint"})
            else:
                out["checkpoints"].append(metric_cell(c.lds_train, c.average_precision))
        out["va_at_n"] = {}
        for n in ns:
            ok = [c for c in out["checkpoints"] if c["n_train"] <= n + CHECKPOINT_SLACK]
            if ok:
                out["va_at_n"][str(n)] = max(ok, key=lambda c: c["mean"])["mean"]
        out["failed"] = failed
        result["labels"][label] = out
        print(f"reference exp1 {label} done", file=sys.stderr)
    return result


def exp2(args, ref):
    dp = ref["dp"]
    name = args.process.lower()
    if name not in PROCESSES:
        raise SystemExit(f"unknown process {args.process}; known: {', '.join(sorted(PROCESSES))}")
    cls = getattr(dp, PROCESSES[name])
    labels = args.labels.split(",") if args.labels else ref["labels"]()
    out = {"settings": {"process": args.process, "steps": args.steps, "batch": args.batch,
                        "seed_base": args.seed}, "labels": {}}
    for label in labels:
        process = cls(label=label, d=args.batch, _seed_base=args.seed)
        entry = {}
        try:
            process.run(n=args.steps)
        except Exception as e:  # keep the history up to the failure, as `va replay exp2` does
            entry["failed"] = str(e)
        steps = []
        for i, (choice, res) in enumerate(process._res_hist):
            ap = res.average_precision
            steps.append({"step": i, "choice": choice, "n_train": len(res.lds_train), "mean": ap.mean,
                          "std": ap.std, "values": list(ap.values)})
        entry.update({"choice_history": list(process._choice_hist), "steps": steps})
        out["labels"][label] = entry
    return out


def splits(args, ref):
    data = ref["data"]
    labels = args.labels.split(",") if args.labels else ref["labels"]()
    out = {}
    for label in labels:
        _, val = data.get_aggregate_labeled_dataset(label=label).split()
        out[label] = sorted(val.keys)
    return out


def load_reference(args):
    os.environ["VA_PATH_DATA_BASE"] = os.path.abspath(args.data)
    os.environ.setdefault("VA_N_JOBS", str(args.jobs))
    sys.path.insert(0, args.reference)
    from videoannotator import config, data, dp, experiments

    def labels():
        return sorted(f[:-len(".json")] for f in os.listdir(os.path.join(args.data, "agg")) if f.endswith(".json"))

    return {"config": config, "data": data, "dp": dp, "experiments": experiments, "labels": labels}


def cpu_seconds():
    """CPU time of this process and its joblib workers (reaped first so that they are counted)."""
    try:
        from joblib.externals.loky import get_reusable_executor
        get_reusable_executor().shutdown(wait=True)
    except Exception:  # joblib absent or no executor started
        pass
    return sum(u.ru_utime + u.ru_stime for u in
               (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["splits", "exp1", "exp2"])
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--reference", default=DEFAULT_REFERENCE)
    parser.add_argument("--labels")
    parser.add_argument("--ns", default="25,50,100,500,1000")
    parser.add_argument("--process")
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1, help="exp2 seed base (the notebook's 1)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--with-balanced-accuracy", action="store_true",
                        help="exp1: also run the balanced-accuracy twin of every cell, as the reference does")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    logging.basicConfig(level=logging.ERROR)
    ref = load_reference(args)
    started = time.time()
    result = {"splits": splits, "exp1": exp1, "exp2": exp2}[args.command](args, ref)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print(f"reference {args.command}: wall time {time.time() - started:.1f} s, cpu time {cpu_seconds():.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
