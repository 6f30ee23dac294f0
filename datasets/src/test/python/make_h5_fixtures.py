"""Writes the HDF5 fixtures of the datasets tests with h5py, the library the release was made with.

Run once from this folder with Debian's python3-h5py:  /usr/bin/python3 make_h5_fixtures.py
Each file holds dataset 'embeddings' of 7 x 4 float32 with row r = (r, -r, r/10, 1), the values
HandMadeDataset.embedding(r) gives, so the Java tests can swap these files into the hand-made set.
"""
import h5py
import numpy as np

OUT = "../resources/org/videoannotator/datasets/h5/"
rows = np.array([[r, -r, r / 10, 1] for r in range(7)], dtype=np.float32)

# h5py's default: contiguous, uncompressed, little-endian; the reader memory-maps it.
with h5py.File(OUT + "contiguous.h5", "w", libver="earliest") as f:
    f.create_dataset("embeddings", data=rows)
    f.attrs["note"] = "an attribute, as real files may carry"

# Big-endian storage: the mapped matrix must honour the byte order.
with h5py.File(OUT + "big-endian.h5", "w") as f:
    f.create_dataset("embeddings", data=rows.astype(">f4"))

# Chunked and gzip-compressed: cannot be mapped, so it is read onto the heap in slices.
with h5py.File(OUT + "chunked-gzip.h5", "w") as f:
    f.create_dataset("embeddings", data=rows, chunks=(3, 4), compression="gzip")

for name in ("contiguous.h5", "big-endian.h5", "chunked-gzip.h5"):
    with h5py.File(OUT + name, "r") as f:
        assert np.array_equal(f["embeddings"][:], rows), name
print("wrote", OUT)
