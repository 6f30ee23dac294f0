"""Offline study: unweighted vs selection-weighted Platt calibration on a loop run's dumped estimate inputs.

/usr/bin/python3 offline_weights.py DUMPDIR CORPUSDIR [C]   (DUMPDIR from va bench loop --dump-estimates; CORPUSDIR the corpus the run used)
Prints per label-run the estimated prevalence from the answers (plain, iw) and from the true labels (plain_t, iw_t).
"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bayes-cut", "tools"))
import sys, numpy as np, warnings
warnings.filterwarnings('ignore')
from load import load
from sklearn.linear_model import LogisticRegression
def sig(z): return 1/(1+np.exp(-z))
def platt(s, y, w=None):
    m=LogisticRegression(C=1e6).fit(s.reshape(-1,1), y, sample_weight=w); return m.coef_[0,0], m.intercept_[0]
dump, corpus = sys.argv[1], sys.argv[2]
Cd=float(sys.argv[3]) if len(sys.argv)>3 else 1.0
bl=load(dump,budget={200})
N=len(bl[0]['logits']); X=np.fromfile(corpus+'/vectors/vectors.f32','<f4').reshape(N,-1).astype(np.float64)
res={}
for bd in bl:
    L=bd['logits']; t=bd['truth']; p=t.mean(); s=(L-bd['intercept'])/bd['slope']
    rows=bd['rows']; y=bd['yes']; oof=bd['oof']; ty=t[rows]
    U=np.ones(N,bool); U[rows]=False
    dom=np.zeros(N,bool); dom[rows]=True
    m=LogisticRegression(C=Cd,class_weight='balanced',max_iter=2000).fit(X,dom)
    pl=m.predict_proba(X[rows])[:,1]
    w=(1-pl)/pl; w=w/w.mean()
    ess=w.sum()**2/(w**2).sum()
    out={}
    for tag,lab in (('',y),('_t',ty)):
        if lab.all() or not lab.any(): continue
        a,b=platt(oof,lab); out['plain'+tag]=(lab.sum()+sig(a*s[U]+b).sum())/N
        a,b=platt(oof,lab,w); out['iw'+tag]=(lab.sum()+sig(a*s[U]+b).sum())/N
    for kk,v in out.items(): res.setdefault(kk,[]).append(0.5<=v/p<=2)
    print(f"{bd['label']:18s} s{bd['seed']} p={p:.3f} ess={ess:5.1f} " + " ".join(f"{kk}={v:.3f}" for kk,v in out.items()), flush=True)
for kk,v in res.items(): print(kk, sum(v),'/',len(v))
