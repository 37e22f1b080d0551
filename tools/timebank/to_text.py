#!/usr/bin/env python3
"""Writes the body text of TimeML articles (.tml) as plain .txt files, a folder Newsline opens
like any user's corpus: real news the analysis was never tuned on, for spotting its errors.

usage: python3 tools/timebank/to_text.py TML_FOLDER OUT_FOLDER
Each article's creation date (its DCT) is written beside the folder, to OUT_FOLDER-dates.json,
to check the publication dates Newsline infers; nothing in the folder tells Newsline the date.
"""
import glob
import html
import json
import os
import re
import sys


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    dates = {}
    for path in sorted(glob.glob(os.path.join(src, "*.tml"))):
        text = open(path, encoding="utf-8").read()
        body = re.search(r"<TEXT>(.*?)</TEXT>", text, re.S)
        dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", text, re.S)
        if not body:
            continue
        name = os.path.basename(path)[: -len(".tml")] + ".txt"
        plain = html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(plain + "\n")
        if dct:
            dates[name] = dct.group(1)[:10]
    with open(out.rstrip("/") + "-dates.json", "w", encoding="utf-8") as f:
        json.dump(dates, f, indent=1)
    print(f"{len(dates)} articles written to {out}")


if __name__ == "__main__":
    main()
