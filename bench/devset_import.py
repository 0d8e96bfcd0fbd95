"""Bring an annotated story into the development set: gold plus provenance, never the text.

    python bench/devset_import.py DIR [DIR...]    # DIR holds sources.json, gold.json, <key>.txt

Writes tests/gold/devset/<story>.json (the gold, with each article's key, file, outlet, URL,
the search that found it, its shape and the SHA-256 of the annotated bytes) and checks that
every anchor is found in the text as Crosscheck loads it. Copies the texts into the
development-set folder (``$CROSSCHECK_DEVSET``) when they are not already there.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

from crosscheck.devset import GOLD_DIR, text_dir
from crosscheck.io.load import load

_GOLD_KEYS = ("about", "quote_groups", "single_quotes", "speakers", "scare_quotes", "claim_groups", "unique",
              "boilerplate", "must_not_link", "word_differences", "findings")


def refs(gold: dict):
    for g in gold.get("quote_groups", []) + gold.get("claim_groups", []):
        yield from g["members"]
        yield from g.get("unquoted", [])
    for entry in gold.get("single_quotes", []) + gold.get("speakers", []):
        yield entry["at"]
    yield from gold.get("scare_quotes", [])
    yield from gold.get("unique", [])
    yield from gold.get("boilerplate", [])
    for pair in gold.get("must_not_link", []):
        yield from pair


def main(argv: list[str]) -> int:
    bad = 0
    for folder in map(Path, argv):
        meta = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        story = meta["story"]
        dest = text_dir() / story
        if dest.resolve() != folder.resolve():
            dest.mkdir(parents=True, exist_ok=True)
            for art in meta["articles"]:
                shutil.copy2(folder / art["file"], dest / art["file"])
        for art in meta["articles"]:  # the bytes that were annotated, so a rebuilt copy can be checked
            digest = hashlib.sha256((dest / art["file"]).read_bytes()).hexdigest()
            if art.get("sha256") not in (None, digest):
                bad += 1
                print(f"{story}: {art['file']} differs from the annotated bytes")
            art["sha256"] = digest
        texts = {a["key"]: load(str(dest / a["file"]), a["key"]).text for a in meta["articles"]}
        for key, anchor in refs(gold):
            if texts.get(key, "").find(anchor) < 0:
                bad += 1
                print(f"{story}: anchor not in the loaded text of {key}: {anchor!r}")
        out = {"story": story, "topic": meta.get("topic"), "language": meta.get("language", "en"),
               "event": meta.get("event"), "articles": meta["articles"]}
        out |= {k: gold[k] for k in _GOLD_KEYS if k in gold}
        earlier = GOLD_DIR / f"{story}.json"
        if earlier.exists():  # a re-import keeps the story's recorded first run
            first = json.loads(earlier.read_text(encoding="utf-8")).get("first_run")
            if first:
                out["first_run"] = first
        GOLD_DIR.mkdir(parents=True, exist_ok=True)
        (GOLD_DIR / f"{story}.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{story}: {len(meta['articles'])} articles")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
