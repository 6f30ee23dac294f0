import json, sys, math, statistics as st
for f in sys.argv[1:]:
    d=json.load(open(f)); lr=[]; w=[]; within=0; n=0
    for lab,l in d['labels'].items():
        t=l['true_rate']
        for s in l['policies']['default']['seeds']:
            x=[q for q in s['steps'] if q['labels']==200][0]
            v=max(x['estimatedRate'],1e-4); lr.append(abs(math.log(v/t))); w.append(x['estimatedHigh']-x['estimatedLow'])
            within+= 0.5<=x['yesShare']/t<=2; n+=1
    print(f"{f.split('/')[-2]:10s} median |log(est/truth)| {st.median(lr):.2f}  mean {st.mean(lr):.2f}  median interval width {st.median(w):.3f}  yes-share within 2x {within}/{n}")
