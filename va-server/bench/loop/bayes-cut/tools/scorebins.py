#!/usr/bin/env python3
"""Per build at 200 labels: for bins of the calibrated logit, the corpus clips (count, true rate) against
the labelled clips (count, answer rate, true rate; labelled clips placed by their out-of-fold logit).
python3 scorebins.py DUMPDIR ... (folders `va bench loop --dump-estimates` wrote)."""
import sys, numpy as np
from load import load
for dd in sys.argv[1:]:
  for r in sorted(load(dd, budget={200}), key=lambda r:(r['label'],r['seed'])):
    L=r['logits']; T=r['truth']; rows=r['rows']; y=r['yes']
    lo = r['slope']*r['oof']+r['intercept']
    bins=[-99,-2,-1,0,1,2,99]
    out=[]
    for a,b in zip(bins[:-1],bins[1:]):
        c=(L>=a)&(L<b); lab=(lo>=a)&(lo<b)
        out.append(f"[{a},{b}) corpus n={c.sum():5d} t={T[c].mean() if c.sum() else 0:.2f} | lab n={lab.sum():3d} ans={y[lab].mean() if lab.sum() else 0:.2f} tru={T[rows][lab].mean() if lab.sum() else 0:.2f}")
    print(r['label'], r['seed']); print('   '+'\n   '.join(out))
