#!/usr/bin/env python3
"""The plain Python regex script issue 5 measures referat against.

    python3 benches/baseline.py DIR > out.ndjson

For every file under DIR: read it as UTF-8 (bad bytes replaced), find its
amounts (`1.250.000 kr.`, `2,5 mio. kr.`), dates (`12.03.2024`,
`12. marts 2024`) and agenda headings (`Punkt 3`, `3. Godkendelse`), and
write them as one JSON line. No decoding of other encodings, no OCR, no
sections, no participants: what a script written in an afternoon does.
`benches/compare.sh` times it next to referat on the same corpus.
"""

import json
import os
import re
import sys

MONTHS = (
    "januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
    "november|december"
)
AMOUNT = re.compile(
    r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?\s*(mio\.|mia\.)?\s*(kr\.?|DKK)",
    re.IGNORECASE,
)
DATE = re.compile(
    r"\b(\d{1,2})\.\s*(" + MONTHS + r")\s+(\d{4})\b|\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b",
    re.IGNORECASE,
)
HEADING = re.compile(r"^\s*(?:#+\s*)?(?:Punkt\s+(\d+)|(\d{1,2})\.\s+\S.*)$", re.MULTILINE)
MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS.split("|"))}


def amount(m):
    whole, cents, scale, _ = m.groups()
    value = float(whole.replace(".", "") + "." + (cents or "0"))
    if scale:
        value *= 1e6 if scale.lower().startswith("mio") else 1e9
    return value


def date(m):
    d, month, y, d2, m2, y2 = m.groups()
    if d:
        return f"{int(y):04}-{MONTH_NUMBER[month.lower()]:02}-{int(d):02}"
    return f"{int(y2):04}-{int(m2):02}-{int(d2):02}"


def main(root):
    out = sys.stdout
    for dirpath, _, names in os.walk(root):
        for name in sorted(names):
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                text = f.read().decode("utf-8", errors="replace")
            record = {
                "path": path,
                "amounts": [amount(m) for m in AMOUNT.finditer(text)],
                "dates": [date(m) for m in DATE.finditer(text)],
                "items": [m.group(1) or m.group(2) for m in HEADING.finditer(text)],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
