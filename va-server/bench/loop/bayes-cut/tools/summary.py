#!/usr/bin/env python3
"""Per loop.json at BUDGET labels (default policy): the issue's two checks (label-runs, and labels
whose means over seeds pass), the median hold-out AP over labels (mean over seeds per label), and
the mean decision precision and recall on the hold-out. python3 summary.py RUN/loop.json ... [--budget 200]"""
import json, sys, statistics
args = [a for a in sys.argv[1:] if not a.startswith('--')]
budget = int(next((a.split('=')[1] for a in sys.argv[1:] if a.startswith('--budget=')), 200))


def prevalence_ok(t, e, lo, hi):
    return (lo <= t <= hi) or (t / 1.5 < e < 1.5 * t)


def yes_share_ok(t, ys):
    return ys is not None and t / 2 < ys < 2 * t


print("| run | noise | prevalence check | yes-share check | on the means over seeds: prevalence, yes share (labels) | median hold-out AP | mean precision | mean recall |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for path in args:
    d = json.load(open(path))
    okp = oky = n = 0; mp = my = 0; aps = []; ps = []; rs = []
    for name, l in d['labels'].items():
        t = l['true_rate']; ap = []; runs = []
        for s in l['policies']['default']['seeds']:
            st = [x for x in s['steps'] if x['labels'] == budget][0]
            n += 1
            e, lo, hi, ys = st['estimatedRate'], st['estimatedLow'], st['estimatedHigh'], st['yesShare']
            if st['holdoutAp'] is not None: ap.append(st['holdoutAp'])
            if st['decisionPrecision'] is not None: ps.append(st['decisionPrecision'])
            if st['decisionRecall'] is not None: rs.append(st['decisionRecall'])
            if e is None: continue
            runs.append((e, lo, hi, ys))
            okp += prevalence_ok(t, e, lo, hi)
            oky += yes_share_ok(t, ys)
        if runs:
            mean = [statistics.mean(r[k] for r in runs if r[k] is not None) for k in range(4)]
            mp += prevalence_ok(t, *mean[:3])
            my += yes_share_ok(t, mean[3])
        if ap: aps.append(sum(ap) / len(ap))
    print(f"| {path.split('/')[-2]} | {d['settings']['noise']} | {okp}/{n} | {oky}/{n} | {mp}, {my} of {len(d['labels'])} | {statistics.median(aps):.3f} | {sum(ps)/len(ps):.3f} | {sum(rs)/len(rs):.3f} |")
