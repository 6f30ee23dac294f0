"""Experiment 2 of the protocol in Python (decision processes over three ordered sources).

Independent of the Java code; follows the reference's dp.py / DatasetManager semantics: warm-up,
reward = change of validation AP, the try-each-source-once phase, exhaustion, tie-breaking by
(value, name), UCB selecting on the mean reward for every variant, Exp3 drawing with seed 0.
Used by va_protocol.py exp2.
"""
import copy
import math

import numpy as np

CHOICES = ("agg", "zero_shot", "random")


class Ordered:
    def __init__(self, pos, neg):
        self.pos, self.neg = tuple(pos), tuple(neg)
        if set(self.pos) & set(self.neg):
            raise ValueError("ordered set with common pos and neg keys")

    def __len__(self):
        return len(self.pos) + len(self.neg)

    def plus(self, other):
        ps, ns = set(self.pos), set(self.neg)
        return Ordered(self.pos + tuple(k for k in other.pos if k not in ps),
                       self.neg + tuple(k for k in other.neg if k not in ns))

    def minus(self, other):
        ps, ns = set(other.pos), set(other.neg)
        return Ordered([k for k in self.pos if k not in ps], [k for k in self.neg if k not in ns])

    def first(self, n):
        rate = len(self.pos) / len(self)
        cnt_pos = min(len(self.pos), max(round(rate * n), 1))
        cnt_neg = min(len(self.neg), n - cnt_pos)
        return Ordered(self.pos[:cnt_pos], self.neg[:cnt_neg])


class Sources:
    def __init__(self, vp, data, label, seed):
        agg = data.agg(label)
        _, val = vp.split(agg, seed)
        self.val = val
        val_keys = set(val.keys())
        cps = data.checkpoints(label)

        def from_checkpoint(c):
            np.random.seed(0)
            keys = list(np.random.permutation(sorted(set(c["pos"])))) + list(np.random.permutation(sorted(set(c["neg"]))))
            return Ordered([k for k in keys if k in agg.pos and k not in val_keys],
                           [k for k in keys if k in agg.neg and k not in val_keys])

        order = from_checkpoint(cps[0])
        for c in cps[1:]:
            if len(set(c["pos"])) + len(set(c["neg"])) > len(order):
                order = order.plus(from_checkpoint(c).minus(order))
        cmp = data.cmp(label)

        def listed(which):
            rows = [x for x in cmp[which] if x["key"] not in val_keys]
            return Ordered([x["key"] for x in rows if x["value"]], [x["key"] for x in rows if not x["value"]])

        self.sources = {"agg": order, "zero_shot": listed("zero_shot"), "random": listed("random")}
        self.train = None

    def has(self, which):
        return self.sources[which] is not None

    def extend(self, vp, which, n):
        src = self.sources[which]
        if src is None:
            return self.train
        batch = src.first(n)
        if len(batch) < n or len(batch) == len(src):
            self.sources[which] = None
        else:
            self.sources[which] = src.minus(batch)
        added = vp.Labelled(batch.pos, batch.neg)
        self.train = added if self.train is None else self.train + added
        for name, s in self.sources.items():
            if s is not None:
                self.sources[name] = s.minus(batch)
        return self.train


class Process:
    warm = False

    def __init__(self, vp, data, validation, sources, batch, seed_base, **params):
        self.vp, self.data, self.validation, self.sources = vp, data, validation, sources
        self.batch, self.seed_base, self.params = batch, seed_base, params
        self.i, self.history, self.steps, self.exhausted = 0, [], [], set()
        self.rewards = {c: [] for c in CHOICES}
        self.absolute = {c: [] for c in CHOICES}
        self.counts = {c: 0 for c in CHOICES}
        self.weights = {c: 1.0 for c in CHOICES}

    def available(self):
        return [c for c in CHOICES if c not in self.exhausted]

    def act(self, choice):
        train = self.sources.extend(self.vp, choice, self.batch)
        if train is None:
            raise ValueError(f"source {choice} gave no data for the first batch")
        values = self.vp.train_and_measure(self.data, train, self.validation)
        return len(train), values

    @staticmethod
    def score(values):
        finite = [v for v in values if not math.isnan(v)]
        if not finite:
            raise ValueError("Metric only contains NaN.")
        return float(np.mean(finite))

    def select_outer(self):
        if self.i < len(CHOICES):
            return CHOICES[self.i]
        return self.select_with_data()

    def select_with_data(self):
        while True:
            c = self.select()
            if self.sources.has(c):
                return c
            self.exhausted.add(c)
            if not self.available():
                raise ValueError(f"ran out of sources at step {self.i}")

    def warmup(self):
        pass

    def update(self, choice, score):
        pass

    def run(self, n):
        self.warmup()
        for _ in range(n):
            choice = self.select_outer()
            n_train, values = self.act(choice)
            self.update(choice, self.score(values))
            self.history.append(choice)
            self.steps.append((choice, n_train, values))
            self.i += 1


class RoundRobin(Process):
    def select(self):
        a = self.available()
        return a[self.i % len(a)]


class RandomChoice(Process):
    def select(self):
        np.random.seed(self.seed_base + self.i)
        return str(np.random.choice(self.available()))


class GreedyOracle(Process):
    def select_outer(self):
        return self.select_with_data()

    def select(self):
        best, best_score = None, float("-inf")
        start = copy.deepcopy(self.sources)
        for c in self.available():
            try:
                s = self.score(self.act(c)[1])
                if math.isnan(s):
                    raise ValueError("NaN")
                if s > best_score:
                    best, best_score = c, s
            except Exception:
                pass
            finally:
                self.sources = copy.deepcopy(start)
        if best is None:
            raise ValueError(f"every source failed at step {self.i}")
        return best


def value(rewards, how):
    finite = [v for v in rewards if not math.isnan(v)]
    if how == "mean":
        return float(np.mean(finite)) if finite else 0
    if how == "last":
        return finite[-1] if finite else float("-inf")
    v = 0.5
    return sum(x * v ** i for i, x in enumerate(finite[::-1])) / sum(v ** i for i in range(len(finite))) if finite else 0


class EpsilonGreedy(Process):
    def warmup(self):
        start = copy.deepcopy(self.sources)
        trial = {}
        for c in CHOICES:
            try:
                v = self.score(self.act(c)[1])
            except Exception:
                v = 0
            self.absolute[c].append(v)
            trial[c] = v
            self.sources = copy.deepcopy(start)
        worst_v, worst = min((v, c) for c, v in trial.items())
        self.history.append(worst)
        for c in CHOICES:
            self.rewards[c].append(trial[c] - worst_v)

    def update(self, choice, score):
        prev = self.absolute[self.history[-1]][-1]
        self.rewards[choice].append(score - prev)
        self.absolute[choice].append(score)

    def select(self):
        np.random.seed(self.seed_base + self.i)
        if np.random.rand() < self.params["epsilon"]:
            return str(np.random.choice(self.available()))
        return max((value(self.rewards[c], self.params["valuation"]), c) for c in self.available())[1]


class Ucb(EpsilonGreedy):
    def select(self):
        t = self.i + 1
        best, best_score = None, float("-inf")
        for c in CHOICES:
            if c in self.available():
                if self.counts[c] == 0:
                    return c
                s = value(self.rewards[c], "mean") + self.params["c"] * np.sqrt(np.log(t) / self.counts[c])
                if s > best_score:
                    best, best_score = c, s
        return best

    def update(self, choice, score):
        self.counts[choice] += 1
        super().update(choice, score)


class Exp3(EpsilonGreedy):
    def probabilities(self):
        a = self.available()
        total = sum(self.weights[c] for c in a)
        g = self.params["gamma"]
        return {c: (1 - g) * self.weights[c] / total + g / len(a) for c in a}

    def select(self):
        np.random.seed(0)
        p = self.probabilities()
        a = self.available()
        return str(np.random.choice(a, p=[p[c] for c in a]))

    def update(self, choice, score):
        super().update(choice, score)
        x = value(self.rewards[choice], self.params["valuation"]) / self.probabilities()[choice]
        self.weights[choice] *= np.exp(self.params["gamma"] * x / len(self.available()))


def make(name):
    n = name.lower()
    if n in ("rr", "round-robin"):
        return RoundRobin, {}
    if n == "random":
        return RandomChoice, {}
    if n in ("greedy", "greedy-oracle"):
        return GreedyOracle, {}
    if n.startswith("eps0"):
        return EpsilonGreedy, {"epsilon": float(n[3:]), "valuation": "mean"}
    if n.startswith("eps-greedy-"):
        return EpsilonGreedy, {"epsilon": 0.2, "valuation": n.split("-")[-1]}
    if n in ("ucb", "ucb.1") or n.startswith("ucb-"):
        return Ucb, {"c": 0.1 if n == "ucb.1" else 0.01}
    if n.startswith("exp3"):
        return Exp3, {"gamma": 0.1, "valuation": n.split("-")[-1] if "-" in n else "mean"}
    raise ValueError(f"unknown process {name}")


def run(args, vp):
    data = vp.Data(args.data)
    labels = args.labels.split(",") if args.labels else data.labels()
    cls, params = make(args.process)
    out = {"settings": {"process": args.process, "steps": args.steps, "batch": args.batch, "seed_base": args.seed},
           "labels": {}}
    for label in labels:
        sources = Sources(vp, data, label, args.seed)
        validation = vp.Validation(data, sources.val)
        p = cls(vp, data, validation, sources, args.batch, args.seed, **params)
        failed = None
        try:
            p.run(args.steps)
        except Exception as e:
            failed = str(e)
        steps = []
        for i, (choice, n_train, values) in enumerate(p.steps):
            mean, std = vp.summary(values)
            steps.append({"step": i, "choice": choice, "n_train": n_train, "mean": mean, "std": std, "values": values})
        out["labels"][label] = {"choice_history": p.history, "steps": steps}
        if failed:
            out["labels"][label]["failed"] = failed
    return out
