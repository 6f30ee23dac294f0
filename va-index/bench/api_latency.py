"""Warm p50/p99 of /api/search through va serve (HTTP, JSON), for named (text-embedding) and like queries."""
import json, sys, time, urllib.request, urllib.parse, random, statistics

base, rounds = sys.argv[1], int(sys.argv[2])
info = json.load(urllib.request.urlopen(base + "/api/info"))
def get(path):
    t0 = time.perf_counter()
    with urllib.request.urlopen(base + path) as r:
        body = json.load(r)
    return (time.perf_counter() - t0) * 1000, body
# named queries: the corpus's label text embeddings
names = info["namedQueries"]
keys = [h["key"] for n in names for h in get("/api/search?k=50&query=" + urllib.parse.quote(n.strip()))[1]["hits"]]
random.seed(1)
for label, paths in (("named (text embeddings)", ["/api/search?k=100&query=" + urllib.parse.quote(n.strip()) for n in names]),
                     ("like (by example)", ["/api/search?k=100&like=" + urllib.parse.quote(k) for k in keys])):
    if not paths:
        continue
    for p in paths[:5]:
        get(p)  # warm-up
    times, engines = [], set()
    for i in range(rounds):
        ms, body = get(paths[i % len(paths)])
        times.append(ms)
        engines.add(body.get("engineDetail"))
    times.sort()
    print(f"{label}: {rounds} requests, p50 {times[len(times)//2]:.1f} ms, p90 {times[int(len(times)*0.9)]:.1f} ms,"
          f" p99 {times[min(len(times)-1, int(len(times)*0.99))]:.1f} ms, engine {sorted(engines)}")
