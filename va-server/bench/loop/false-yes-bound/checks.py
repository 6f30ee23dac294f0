#!/usr/bin/env python3
"""The issue's checks on a loop.json, per label and per seed (issue 24, "How it will be checked").

python3 checks.py RUN/loop.json [BUDGET=200] [POLICY=default]

Per label: the true rate, the estimate, its interval and the share called "yes" (means over seeds),
and in how many seeds (a) the estimate lies within a factor 1.5 of the truth or the truth inside its
interval, (b) the share called "yes" lies within a factor 2 of the truth. Then both counts per seed.
"""
import json, sys
path = sys.argv[1]; budget = int(sys.argv[2]) if len(sys.argv) > 2 else 200
pol = sys.argv[3] if len(sys.argv) > 3 else 'default'
d = json.load(open(path))
print(f"Command: `python3 checks.py {' '.join(sys.argv[1:])}` (in va-server/bench/loop/false-yes-bound)")
print()
print(f"{path} at {budget} labels, policy {pol}, noise {d['settings']['noise']}")
print()
print("| label | true rate | estimated rate [interval] (mean over seeds) | share called yes | prevalence check (seeds) | yes-share check (seeds) |")
print("|---|---:|---:|---:|---:|---:|")
tp = ty = tot = 0
lab_ok_p = lab_ok_y = 0
per_seed_p = {}; per_seed_y = {}
for name, l in d['labels'].items():
    t = l['true_rate']
    seeds = l['policies'][pol]['seeds']
    rows = []
    for s in seeds:
        st = [x for x in s['steps'] if x['labels'] == budget][0]
        e, lo, hi, ys = st['estimatedRate'], st['estimatedLow'], st['estimatedHigh'], st['yesShare']
        if e is None:
            rows.append(None); continue
        okp = e is not None and ((lo <= t <= hi) or (t / 1.5 < e < 1.5 * t))
        oky = ys is not None and t / 2 < ys < 2 * t
        rows.append((e, lo, hi, ys, okp, oky))
        per_seed_p[s['seed']] = per_seed_p.get(s['seed'], 0) + okp
        per_seed_y[s['seed']] = per_seed_y.get(s['seed'], 0) + oky
    if None in rows:
        print(f"| {name} | {100*t:.1f} % | no model in {rows.count(None)} of {len(rows)} seeds (the search's first page and what followed held no \"no\") | – | 0/{len(rows)} | 0/{len(rows)} |")
        tot += len(rows); continue
    n = len(rows)
    m = lambda i: sum(r[i] for r in rows) / n
    cp = sum(r[4] for r in rows); cy = sum(r[5] for r in rows)
    tp += cp; ty += cy; tot += n
    print(f"| {name} | {100*t:.1f} % | {100*m(0):.1f} % [{100*m(1):.1f}, {100*m(2):.1f}] | {100*m(3):.1f} % | {cp}/{n} | {cy}/{n} |")
print()
print(f"prevalence check: {tp}/{tot} label-runs; per seed (of {len(d['labels'])} labels): {per_seed_p}")
print(f"yes-share check: {ty}/{tot} label-runs; per seed: {per_seed_y}")
