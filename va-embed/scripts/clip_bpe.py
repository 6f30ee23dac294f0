"""CLIP's byte-level BPE tokenizer (the algorithm of OpenAI's simple_tokenizer), written from the
published description so the tiny test model and its golden token ids need no download.
Used by make_tiny_clip.py; the Java tokenizer (ClipTokenizer) must produce the same ids."""
import html
import re

SOT = "<|startoftext|>"
EOT = "<|endoftext|>"
PATTERN = re.compile(
    r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[^\W\d_]+|\d|(?:[^\s\w]|_)+""",
    re.IGNORECASE)


def bytes_to_unicode():
    """Printable stand-ins for the 256 byte values, in CLIP's order."""
    keep = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(
        range(ord("®"), ord("ÿ") + 1))
    chars = keep[:]
    n = 0
    for b in range(256):
        if b not in keep:
            keep.append(b)
            chars.append(256 + n)
            n += 1
    return dict(zip(keep, map(chr, chars)))


def base_vocab():
    units = list(bytes_to_unicode().values())
    return units + [u + "</w>" for u in units]


def clean(text):
    text = html.unescape(html.unescape(text)).strip()
    return re.sub(r"\s+", " ", text).strip().lower()


class Tokenizer:
    def __init__(self, merges):
        self.byte_encoder = bytes_to_unicode()
        vocab = base_vocab() + ["".join(m) for m in merges] + [SOT, EOT]
        self.encoder = {t: i for i, t in enumerate(vocab)}
        self.ranks = {tuple(m): i for i, m in enumerate(merges)}

    def bpe(self, token):
        word = list(token[:-1]) + [token[-1] + "</w>"]
        while len(word) > 1:
            pairs = [(self.ranks.get((a, b), 1 << 30), i) for i, (a, b) in enumerate(zip(word, word[1:]))]
            rank, _ = min(pairs)
            if rank == 1 << 30:
                break
            first, second = [m for m, r in self.ranks.items() if r == rank][0]
            merged = []
            i = 0
            while i < len(word):
                if i < len(word) - 1 and word[i] == first and word[i + 1] == second:
                    merged.append(first + second)
                    i += 2
                else:
                    merged.append(word[i])
                    i += 1
            word = merged
        return word

    def encode(self, text):
        ids = []
        for token in PATTERN.findall(clean(text)):
            if token in (SOT, EOT):
                ids.append(self.encoder[token])
                continue
            units = "".join(self.byte_encoder[b] for b in token.encode("utf-8"))
            ids.extend(self.encoder[t] for t in self.bpe(units))
        return ids

    def tokenize(self, text, context_length=77):
        ids = [self.encoder[SOT]] + self.encode(text) + [self.encoder[EOT]]
        if len(ids) > context_length:
            ids = ids[:context_length]
            ids[-1] = self.encoder[EOT]
        return ids + [0] * (context_length - len(ids))


def learn_merges(words, count):
    """Plain BPE training on a word list: repeatedly merge the most frequent adjacent pair."""
    enc = bytes_to_unicode()
    corpus = []
    for w in words:
        units = [enc[b] for b in w.encode("utf-8")]
        units[-1] += "</w>"
        corpus.append(units)
    merges = []
    for _ in range(count):
        freq = {}
        for units in corpus:
            for pair in zip(units, units[1:]):
                freq[pair] = freq.get(pair, 0) + 1
        if not freq:
            break
        best = max(sorted(freq), key=lambda p: freq[p])
        merges.append(best)
        for k, units in enumerate(corpus):
            out, i = [], 0
            while i < len(units):
                if i < len(units) - 1 and (units[i], units[i + 1]) == best:
                    out.append(units[i] + units[i + 1])
                    i += 2
                else:
                    out.append(units[i])
                    i += 1
            corpus[k] = out
    return merges
