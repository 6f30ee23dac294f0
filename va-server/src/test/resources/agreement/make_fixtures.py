#!/usr/bin/env python3
"""Agreement figures of well-known libraries, for AgreementStatisticsTest (run once, by hand).

    /usr/bin/python3 va-server/src/test/resources/agreement/make_fixtures.py

Writes fixtures.json beside this script: seeded rating sets (some votes missing) and, for each,
  - Cohen's kappa per pair of raters: scikit-learn's sklearn.metrics.cohen_kappa_score
    (Debian python3-sklearn), on the units both raters rated;
  - Fleiss' kappa: statsmodels.stats.inter_rater.fleiss_kappa (Debian python3-statsmodels), on the
    units rated by the most common number of raters (>= 2, the larger on a tie), as the Java
    class documents; the table is built with statsmodels' aggregate_raters;
  - Krippendorff's alpha (nominal): nltk.metrics.agreement.AnnotationTask.alpha (Debian
    python3-nltk), which skips units with fewer than two ratings, as the definition does;
  - percent agreement per pair and the share of units on which all raters agree (the VA reference
    code's definition: pos_cnt is 0 or the number of voters), computed here in plain Python: no
    library has these, and they are counts.
The tests never run this script; they read fixtures.json.
"""
import collections
import itertools
import json
import pathlib
import random

import numpy as np
from nltk.metrics.agreement import AnnotationTask
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa


def simulate(seed, units, raters, categories, error_rates, missing):
    """Each unit has a true category; each rater reports it, wrong with their error rate, or skips it."""
    rng = random.Random(seed)
    ratings = {}
    for u in range(units):
        truth = rng.choice(categories)
        unit = {}
        for rater, err in zip(raters, error_rates):
            if rng.random() < missing:
                continue
            answer = truth if rng.random() >= err else rng.choice([c for c in categories if c != truth])
            unit[rater] = answer
        ratings[f"clip-{u:03d}"] = unit
    return ratings


def expected(ratings, raters):
    out = {"pairs": []}
    pairable = {u: r for u, r in ratings.items() if len(r) >= 2}
    out["unanimity"] = {"value": sum(len(set(r.values())) == 1 for r in pairable.values()) / len(pairable),
                        "clips": len(pairable)}
    for a, b in itertools.combinations(raters, 2):
        shared = [u for u, r in ratings.items() if a in r and b in r]
        ya = [ratings[u][a] for u in shared]
        yb = [ratings[u][b] for u in shared]
        kappa = float(cohen_kappa_score(ya, yb))
        out["pairs"].append({
            "a": a, "b": b, "clips": len(shared),
            "percent": sum(x == y for x, y in zip(ya, yb)) / len(shared),
            "cohenKappa": None if np.isnan(kappa) else kappa})
    sizes = collections.Counter(len(r) for r in pairable.values())
    m = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
    full = [r for r in ratings.values() if len(r) == m]
    categories = sorted({v for r in ratings.values() for v in r.values()})
    codes = np.array([[categories.index(v) for v in r.values()] for r in full])
    table, _ = aggregate_raters(codes, n_cat=len(categories))
    out["fleissKappa"] = {"value": float(fleiss_kappa(table, method="fleiss")), "clips": len(full), "raters": m}
    task = AnnotationTask(data=[(rater, unit, v) for unit, r in ratings.items() for rater, v in r.items()])
    out["krippendorffAlpha"] = {"value": float(task.alpha()), "clips": len(pairable)}
    return out


def main():
    sets = [
        ("three-annotators-binary", 7, 300, ["ada", "bob", "cy"], ["yes", "no"], [0.05, 0.15, 0.3], 0.0),
        ("three-annotators-binary-missing", 11, 250, ["ada", "bob", "cy"], ["yes", "no"], [0.1, 0.1, 0.25], 0.2),
        ("four-raters-three-categories-missing", 13, 120, ["r1", "r2", "r3", "r4"], ["a", "b", "c"],
         [0.05, 0.2, 0.35, 0.5], 0.3),
    ]
    fixtures = []
    for name, seed, units, raters, categories, errors, missing in sets:
        ratings = simulate(seed, units, raters, categories, errors, missing)
        fixtures.append({"name": name, "raters": raters, "ratings": ratings, "expected": expected(ratings, raters)})
    path = pathlib.Path(__file__).with_name("fixtures.json")
    path.write_text(json.dumps(fixtures, indent=1, sort_keys=True) + "\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
