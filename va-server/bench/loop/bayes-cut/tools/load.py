"""Reads a `va bench loop --dump-estimates DIR` folder: one dict per build (logits, labelled clips, truth, hold-out)."""
import json, base64, glob, os, csv
import numpy as np

def load(dumpdir, budget=None):
    """Yields dicts: label, seed, n, logits, rows, yes, oof, rnd, slope, intercept, truth, holdout."""
    sessions = {}
    for r in csv.DictReader(open(os.path.join(dumpdir, 'sessions.csv'))):
        sessions[r['server_label']] = r
    truths = {}; holds = {}
    out = []
    for f in sorted(glob.glob(os.path.join(dumpdir, 'builds', '*.json'))):
        base = os.path.basename(f)[:-5]
        sl, n = base.rsplit('-', 1)
        n = int(n)
        if budget is not None and n not in budget:
            continue
        s = sessions[sl]
        lab = s['label']; seed = int(s['seed'])
        if lab not in truths:
            truths[lab] = np.frombuffer(open(os.path.join(dumpdir, 'truth', lab + '.txt'), 'rb').read(), 'u1') == ord('1')
        if seed not in holds:
            holds[seed] = np.frombuffer(open(os.path.join(dumpdir, 'holdout', f's{seed}.txt'), 'rb').read(), 'u1') == ord('1')
        d = json.load(open(f))
        L = np.frombuffer(base64.b64decode(d['logitsFloat32LittleEndian']), '<f4').astype(np.float64)
        out.append(dict(label=lab, seed=seed, n=n, logits=L, rows=np.array(d['rows']), yes=np.array(d['yes'], bool),
                        oof=np.array(d['outOfFold']), rnd=np.array(d['fromRandomFeed'], bool),
                        slope=d['slope'], intercept=d['intercept'], truth=truths[lab], holdout=holds[seed],
                        noise=float(s['noise']), bseed=d['seed']))
    return out
