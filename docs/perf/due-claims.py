# 1,000,000 claims with follow-up events, for ./policy due at -Xmx256m (docs/performance.md).
import json, random, sys, datetime as d
random.seed(19)
n = int(sys.argv[1])
base = d.date(2026, 3, 1)
hist = [[], [("REPAIRED", 3)], [("REPAIRED", 3), ("PICKUP_NOTIFIED", 3)],
        [("REPAIRED", 2), ("PICKUP_NOTIFIED", 2), ("PICKUP_NOTIFIED", 5), ("PICKUP_NOTIFIED", 8)],
        [("UNREPAIRABLE", 4)], [("OUT_OF_STOCK", 0), ("CUSTOMER_CONTACTED", 6)], [("REPAIRED", 2), ("PICKED_UP", 4)]]
out = sys.stdout
for i in range(n):
    p = base + d.timedelta(days=random.randint(0, 60))
    c = p + d.timedelta(days=random.randint(0, 80))
    h = random.choice(hist)
    claim = {"id": "DUE-%07d" % i, "product": {"sku": "SKU-%d" % (i % 500), "category": "ELECTRONICS", "price": 999.0},
             "purchaseDate": p.isoformat(), "claimDate": c.isoformat(), "qualityDefect": random.random() < 0.8,
             "request": random.choice(["REPAIR", "REFUND", "EXCHANGE"])}
    if h: claim["events"] = [{"type": t, "at": (c + d.timedelta(days=k)).isoformat()} for t, k in h]
    out.write(json.dumps(claim, separators=(",", ":")) + "\n")
