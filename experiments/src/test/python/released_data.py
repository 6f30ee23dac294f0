#!/usr/bin/env python3
"""Reads a data set in the released Video Annotator layout (shot keys, the embedding matrix,
text embeddings, agg/cmp/checkpoints files), for make_declaration.py's data fingerprint.

The project's own Python re-implementation of the protocol that used to live here is retired:
it was written from the protocol summary and carried its split mistake. Expected figures come
from Netflix's reference package through reference_protocol.py.
"""
import csv
import json
import os
import sys

import h5py
import numpy as np

csv.field_size_limit(sys.maxsize)


class Data:
    def __init__(self, folder):
        self.folder = folder
        with open(os.path.join(folder, "shot-data.csv"), newline="", encoding="utf-8") as f:
            keys = [row["key"] for row in csv.DictReader(f)]
        with h5py.File(os.path.join(folder, "embeddings.h5"), "r") as hf:
            self.matrix = hf["embeddings"][:]
        self.row = {k: i for i, k in enumerate(keys)}
        with open(os.path.join(folder, "text-embeddings.json")) as f:
            self.text = json.load(f)

    def labels(self):
        return sorted(n[:-5] for n in os.listdir(os.path.join(self.folder, "agg")) if n.endswith(".json"))

    def _json(self, sub, label):
        path = os.path.join(self.folder, sub, label + ".json")
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def agg(self, label):
        pos, neg = set(), set()
        for x in self._json("agg", label)["data"]:
            (pos if x["agg"] else neg).add(x["key"])
        return Labelled(pos, neg)

    def cmp(self, label):
        return self._json("cmp", label)

    def checkpoints(self, label):
        return self._json("checkpoints", label) or []

    def x(self, keys):
        return self.matrix[[self.row[k] for k in keys]]


class Labelled:
    """A labelled set: rows are sorted positives then sorted negatives."""

    def __init__(self, pos, neg):
        self.pos, self.neg = frozenset(pos), frozenset(neg)
        if not self.pos and not self.neg:
            raise ValueError("labelled set has no data")
        common = self.pos & self.neg
        if common:
            raise ValueError(f"keys in both positive and negative sets: {sorted(common)[:3]}")

    def __len__(self):
        return len(self.pos) + len(self.neg)

    def keys(self):
        return sorted(self.pos) + sorted(self.neg)

    def y(self):
        return np.array([True] * len(self.pos) + [False] * len(self.neg))

    def without(self, keys):
        return Labelled(self.pos - keys, self.neg - keys)

    def __add__(self, other):
        return Labelled(self.pos | other.pos, self.neg | other.neg)
