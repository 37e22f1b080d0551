#!/usr/bin/env bash
# Checks `newsline export` on the built-in sample: five documents, sections, the sample's dates.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
cargo run --quiet -- export --out "$out/sample.json"
cargo run --quiet -- export --format csv --out "$out/events.csv"
cargo run --quiet -- export --format gexf --out "$out/graph.gexf"
cargo run --quiet -- export --format timelinejs --out "$out/timeline.json"
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
story = json.load(open(f"{out}/sample.json"))
assert story["schema"] == "newsline/1", story["schema"]
docs = story["documents"]
assert len(docs) == 5, f"expected 5 documents, got {len(docs)}"
for d in docs:
    assert d["published"] == "2021-12-31", (d["file"], d["published"])
    kinds = {s["kind"] for s in d["sections"]}
    assert "body" in kinds, (d["file"], kinds)
    text = d["text"].encode()
    for s in d["sections"]:
        assert 0 <= s["start"] < s["end"] <= len(text), (d["file"], s)
assert any("comments" in {s["kind"] for s in d["sections"]} for d in docs), "no comments section"
assert any("caption" in {s["kind"] for s in d["sections"]} for d in docs), "no caption section"
values = {t["value"] for t in story["timexes"]}
for v in ["2021-12-30", "2021-12-29", "2021-12-07", "2021-06-16", "2022-01-10", "2022-01-12",
          "2022-01-13", "2014"]:
    assert v in values, f"date {v} missing from the timexes: {sorted(values)}"
for t in story["timexes"]:
    doc = next(d for d in docs if d["id"] == t["doc"])
    assert doc["text"].encode()[t["start"]:t["end"]].decode() == t["text"], t
json.load(open(f"{out}/timeline.json"))
assert open(f"{out}/events.csv").readline().startswith("id,start,end")
assert "<gexf" in open(f"{out}/graph.gexf").read()
print(f"export ok: {len(docs)} documents, {len(story['timexes'])} timexes, "
      f"{len(story['events'])} events, {len(story['entities'])} entities")
PY
rm -rf "$out"
