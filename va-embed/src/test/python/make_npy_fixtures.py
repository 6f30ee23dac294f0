#!/usr/bin/env python3
"""Writes the .npy fixtures of PrecomputedImporterTest with NumPy itself (the real format):
vectors[i][j] = (i + 1) * 10 + j, 5 rows of 3, as float32 (v1 header) and float64, plus a
format-2.0 file, and a 3-D array that must be refused.
Run: /usr/bin/python3 va-embed/src/test/python/make_npy_fixtures.py va-embed/src/test/resources/precomputed"""
import os
import sys

import numpy as np
from numpy.lib import format as npformat

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
v = np.array([[(i + 1) * 10 + j for j in range(3)] for i in range(5)])
np.save(os.path.join(out, "vectors-f4.npy"), v.astype(np.float32))
np.save(os.path.join(out, "vectors-f8.npy"), v.astype(np.float64))
with open(os.path.join(out, "vectors-v2.npy"), "wb") as f:
    npformat.write_array(f, v.astype(np.float32), version=(2, 0))
np.save(os.path.join(out, "cube.npy"), np.zeros((2, 2, 2), dtype=np.float32))
