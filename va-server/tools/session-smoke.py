# Manual smoke run of an annotator session against `va serve --corpus C --port 7391` on a corpus
# imported from `va dataset generate` (truth = its agg/action.json); not part of the test suite.
import json, urllib.request, urllib.parse, time, zipfile, io
B = "http://127.0.0.1:7391"
def req(method, path, body=None, raw=False):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    r = urllib.request.Request(B + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(r) as resp:
            b = resp.read()
            return resp.status, (b if raw else json.loads(b))
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())
truth = {e["key"]: e["agg"] for e in json.load(open("/tmp/e-va/ds/agg/action.json"))["data"]}
print(req("POST", "/api/labels/import", open("datasets/src/main/resources/org/videoannotator/datasets/task_descriptions.json","rb").read())[0])
s, hits = req("GET", "/api/search?query=action&k=60&label=action&unlabelled=true")
print("search", s, hits["engine"], len(hits["hits"]))
votes = [{"key": h["key"], "value": "yes" if truth[h["key"]] else "no", "source": {"kind": "search", "query": "action"}}
         for h in hits["hits"] if h["key"] in truth][:30]
print("label", req("POST", "/api/labels/action/annotations", votes)[1]["counts"])
def build():
    s, b = req("POST", "/api/labels/action/builds", {})
    if s != 202: print("build refused", b); return None
    while True:
        s, st = req("GET", "/api/builds/%d" % b["id"])
        if st["status"] not in ("queued", "running"): return st
        time.sleep(0.1)
st = build(); print("build", st["status"], st["quality"], st["diversity"], st["stageMillis"])
for feed in ["top-positive", "top-negative", "borderline", "random", "auto"]:
    s, f = req("GET", "/api/labels/action/feeds/%s?k=20" % feed)
    known = [i for i in f["items"] if i["key"] in truth]
    v = [{"key": i["key"], "value": "yes" if truth[i["key"]] else "no", "source": {"kind": "feed", "feed": f["chosenFeed"], "buildId": f["buildId"]}} for i in known[:10]]
    if v: req("POST", "/api/labels/action/annotations", v)
    print(feed, f["chosenFeed"], len(f["items"]), "labelled", len(v))
st = build(); print("rebuild", st["status"], st["modelVersion"], st["quality"], st["positives"], st["negatives"])
print("review flipped", req("GET", "/api/labels/action/review?filter=flipped")[1]["total"])
for fmt in ["csv", "labelbox"]:
    s, body = req("GET", "/api/labels/action/export?format=" + fmt, raw=True)
    print(fmt, s, len(body.splitlines()), "lines")
s, body = req("GET", "/api/labels/action/export?format=va", raw=True)
zipfile.ZipFile(io.BytesIO(body)).extractall("/tmp/e-va/export")
print("va zip", s, zipfile.ZipFile(io.BytesIO(body)).namelist())
