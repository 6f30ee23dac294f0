"""Diagnostics (never run by tests): runs reference_protocol.py with scikit-learn's
LogisticRegressionCV.fit wrapped so that every fit the reference makes is written to $DUMP as
N.x (float32 rows, little-endian), N.y (uint8 labels) and N.json (C, fold scores, coefficients),
for va-learn's CompareReferenceFits to refit and compare.

  DUMP=/tmp/fits /usr/bin/python3 dump_reference_fits.py reference_protocol.py exp2 --data DIR ...
"""
import sys, os, json, runpy, numpy as np
out = os.environ["DUMP"]; os.makedirs(out, exist_ok=True)
import sklearn.linear_model as lm
orig = lm.LogisticRegressionCV.fit
count = [0]
def fit(self, X, y, sample_weight=None):
    r = orig(self, X, y, sample_weight)
    i = count[0]; count[0] += 1
    X32 = np.asarray(X, dtype=np.float32)
    X32.astype('<f4').tofile(f"{out}/{i}.x")
    np.asarray(y, dtype=np.uint8).tofile(f"{out}/{i}.y")
    json.dump({"rows": X32.shape[0], "dim": X32.shape[1], "C": float(self.C_[0]),
               "scores": self.scores_[list(self.scores_)[0]].tolist(), "coef": self.coef_[0].tolist(),
               "intercept": float(self.intercept_[0]), "n_iter": self.n_iter_.tolist()}, open(f"{out}/{i}.json", "w"))
    return r
lm.LogisticRegressionCV.fit = fit
sys.argv = [sys.argv[1]] + sys.argv[2:]
runpy.run_path(sys.argv[0], run_name="__main__")
