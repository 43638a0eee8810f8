"""How right `drafter review` is on real policies Drafter did not write (issue 14).

    .venv/bin/python tests/benchmarks/review_corpus.py [--subprocess] [--json] [--details]

Reviews every document of tests/corpus/ (see its README) through the CLI's JSON contract
(`drafter review FILE --format json`, in this process by default; `--subprocess` runs the
installed `drafter` command instead) and scores the notes against the hand labels in
tests/corpus/labels/:

- a "missing" note (one with a `requirement`) is right when the label says the document does
  not cover that item; an item the label marks `unsure` is left out;
- an `outdated.*` note is right when the label says the document presents that reference as
  current (`status: current`); `unsure` is left out;
- a `placeholder.*` note is right when the label says the document has template leftovers
  (`placeholders: true`); `unsure` is left out;
- a label file may also speak of another law's items (`with_facts`: the `--facts` that bring
  the law in, such as `california` for the CCPA, and its items): those documents are reviewed
  again with those facts and the items reported in a table of their own.

Printed: precision and recall per requirement item and per outdated check, then the four
figures issue 14 sets targets for (blocking precision >= 0.95, "missing" precision >= 0.85,
"missing" recall >= 0.85, outdated precision >= 0.97). Blocking notes of checks no label
speaks about are listed as unjudged, never counted as right.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TARGETS = {"blocking_precision": 0.95, "missing_precision": 0.85, "missing_recall": 0.85,
           "outdated_precision": 0.97}


@dataclass
class Tally:
    """Confusion counts for one check: a note fired (or not) against the label."""

    tp: int = 0  # note, and the label agrees
    fp: int = 0  # note, label disagrees
    fn: int = 0  # no note, label says there should be one
    tn: int = 0
    wrong: list[str] = field(default_factory=list)  # "doc: why" for every fp and fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def add(self, fired: bool, should: bool, doc: str) -> None:
        if fired and should:
            self.tp += 1
        elif fired:
            self.fp += 1
            self.wrong.append(f"{doc}: note, but the label says no")
        elif should:
            self.fn += 1
            self.wrong.append(f"{doc}: no note, but the label says yes")
        else:
            self.tn += 1


def load_corpus() -> list[dict]:
    """Each index entry with its labels (`labels` key replaced by the parsed YAML)."""
    yaml = YAML(typ="safe")
    index = yaml.load((CORPUS / "index.yaml").read_text(encoding="utf-8"))["documents"]
    docs = []
    for entry in index:
        label_file = CORPUS / entry["labels"]
        if not label_file.exists():
            continue  # not labelled yet: not scored
        docs.append({**entry, "labels": yaml.load(label_file.read_text(encoding="utf-8"))})
    return docs


def _run_cli(argv: list[str], use_subprocess: bool) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `drafter ARGV`."""
    if use_subprocess:
        exe = shutil.which("drafter", path=str(Path(sys.executable).parent)) or "drafter"
        done = subprocess.run([exe, *argv], capture_output=True, text=True, check=False)
        return done.returncode, done.stdout, done.stderr
    from drafter.cli import main

    out_buf, err_buf = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out_buf), contextlib.redirect_stderr(err_buf):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse and friends
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out_buf.getvalue(), err_buf.getvalue()


def _documents(out: str) -> list[dict]:
    """The review documents ({"file", "notes", ...}) in a JSON or JSON Lines output."""
    try:
        data = json.loads(out)
    except json.JSONDecodeError:
        return [json.loads(line) for line in out.splitlines() if line.strip()]
    if isinstance(data, dict) and "notes" in data:
        return [data]
    if isinstance(data, dict):  # a many-file run: the documents under some list-valued key
        data = next((v for v in data.values() if isinstance(v, list)
                     and all(isinstance(d, dict) and "notes" in d for d in v)), [])
    return list(data)


def review_all(paths: list[Path], use_subprocess: bool,
               options: tuple[str, ...] = ()) -> dict[Path, dict]:
    """The review's JSON document for each path, through the CLI (exit 0 or 1 expected),
    with the review `options` (`--facts california`).

    Tries one many-file run first (`drafter review A B ... --format json`, one start-up); a
    CLI that takes one file per run refuses it, and then each file gets its own run."""
    code, out, _ = _run_cli(["review", *map(str, paths), "--format", "json", *options],
                            use_subprocess)
    if code in (0, 1) and len(paths) > 1:
        try:
            docs = _documents(out)
        except json.JSONDecodeError:
            docs = []
        by_name = {Path(d.get("file", "")).name: d for d in docs}
        if all(p.name in by_name for p in paths):
            return {p: by_name[p.name] for p in paths}
    results = {}
    for path in paths:
        code, out, err = _run_cli(["review", str(path), "--format", "json", *options],
                                  use_subprocess)
        if code not in (0, 1):
            raise RuntimeError(f"{path.name}: drafter review exited {code}: {err.strip()[:300]}")
        results[path] = _documents(out)[0]
    return results


def score(docs: list[dict], use_subprocess: bool = False) -> dict:
    """Run the review on every labelled document and tally its notes against the labels."""
    items: dict[str, Tally] = {}
    outdated: dict[str, Tally] = {}
    placeholder = Tally()
    blocking = Counter()  # right / wrong / unjudged
    unjudged: list[str] = []
    reviews = review_all([CORPUS / doc["file"] for doc in docs], use_subprocess)
    for doc in docs:
        labels = doc["labels"]
        notes = reviews[CORPUS / doc["file"]]["notes"]
        notes = [n for n in notes if not n.get("for_counsel")]
        missing = {n["requirement"]: n for n in notes if n.get("requirement")}
        for rid, label in labels["items"].items():
            if label["covers"] in (True, False):
                items.setdefault(rid, Tally()).add(rid in missing, label["covers"] is False,
                                                   doc["id"])
        fired_outdated = {n["check"]: n for n in notes if n["check"].startswith("outdated.")}
        for cid, label in labels["outdated"].items():
            if label["status"] != "unsure":
                outdated.setdefault(cid, Tally()).add(cid in fired_outdated,
                                                      label["status"] == "current", doc["id"])
        fired_placeholder = any(n["check"].startswith("placeholder.") for n in notes)
        if labels["placeholders"] in (True, False):
            placeholder.add(fired_placeholder, labels["placeholders"] is True, doc["id"])
        for note in notes:
            if note["severity"] == "blocking":
                verdict = _blocking_verdict(note, labels)
                blocking[verdict] += 1
                if verdict == "unjudged":
                    unjudged.append(f"{doc['id']}: {note['check']} {note.get('requirement') or ''}")
    facts_items = _score_with_facts(docs, use_subprocess)
    missing_all = _sum(items.values())
    outdated_all = _sum(outdated.values())
    right, wrong = blocking["right"], blocking["wrong"]
    return {
        "documents": len(docs),
        "items": items, "outdated": outdated, "placeholder": placeholder,
        "facts_items": facts_items,
        "missing_all": missing_all, "outdated_all": outdated_all,
        "blocking": dict(blocking), "unjudged": unjudged,
        "figures": {
            "blocking_precision": right / (right + wrong) if right + wrong else None,
            "missing_precision": missing_all.precision,
            "missing_recall": missing_all.recall,
            "outdated_precision": outdated_all.precision,
        },
    }


def _score_with_facts(docs: list[dict], use_subprocess: bool) -> dict[str, Tally]:
    """Another law's items, labelled on the documents that speak of it (`with_facts` in a
    label file: the `--facts` that bring the law in, and its items), tallied from a review
    with those facts. Reported apart: the four figures keep to the items every document has."""
    tallies: dict[str, Tally] = {}
    groups: dict[tuple[str, ...], list[dict]] = {}
    for doc in docs:
        extra = doc["labels"].get("with_facts")
        if extra:
            groups.setdefault(tuple(extra["facts"]), []).append(doc)
    for facts, group in groups.items():
        reviews = review_all([CORPUS / doc["file"] for doc in group], use_subprocess,
                             ("--facts", ",".join(facts)))
        for doc in group:
            notes = [n for n in reviews[CORPUS / doc["file"]]["notes"]
                     if not n.get("for_counsel")]
            missing = {n["requirement"] for n in notes if n.get("requirement")}
            for rid, label in doc["labels"]["with_facts"]["items"].items():
                if label["covers"] in (True, False):
                    tallies.setdefault(rid, Tally()).add(rid in missing,
                                                         label["covers"] is False, doc["id"])
    return tallies


def _blocking_verdict(note: dict, labels: dict) -> str:
    """right, wrong or unjudged (no label speaks about the note, or the label is unsure)."""
    if note.get("requirement"):
        label = labels["items"].get(note["requirement"])
        if label is None or label["covers"] == "unsure":
            return "unjudged"
        return "right" if label["covers"] is False else "wrong"
    if note["check"].startswith("outdated."):
        label = labels["outdated"].get(note["check"])
        if label is None or label["status"] == "unsure":
            return "unjudged"
        return "right" if label["status"] == "current" else "wrong"
    if note["check"].startswith("placeholder."):
        if labels["placeholders"] == "unsure":
            return "unjudged"
        return "right" if labels["placeholders"] is True else "wrong"
    return "unjudged"


def _sum(tallies) -> Tally:
    total = Tally()
    for t in tallies:
        total.tp, total.fp, total.fn, total.tn = (total.tp + t.tp, total.fp + t.fp,
                                                  total.fn + t.fn, total.tn + t.tn)
    return total


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def report(result: dict, details: bool) -> str:
    lines = [f"Corpus: {result['documents']} labelled documents (tests/corpus)", ""]
    for title, group in (("Missing-item notes", result["items"]),
                         ("Another law's items (--facts)", result["facts_items"]),
                         ("Outdated-reference notes", result["outdated"]),
                         ("Placeholder notes", {"placeholder.*": result["placeholder"]})):
        lines.append(f"{title:<32} {'prec':>6} {'recall':>6}   tp  fp  fn  tn")
        for name, t in sorted(group.items()):
            lines.append(f"  {name:<30} {_fmt(t.precision):>6} {_fmt(t.recall):>6}  "
                         f"{t.tp:3d} {t.fp:3d} {t.fn:3d} {t.tn:3d}")
            if details:
                lines.extend(f"      {w}" for w in t.wrong)
        lines.append("")
    b = result["blocking"]
    lines.append(f"Blocking notes: {b.get('right', 0)} right, {b.get('wrong', 0)} wrong, "
                 f"{b.get('unjudged', 0)} unjudged (no label or unsure)")
    if details:
        lines.extend(f"      {u}" for u in result["unjudged"])
    lines.append("")
    lines.append(f"{'Figure':<22} {'value':>6} {'target':>7}")
    for name, value in result["figures"].items():
        lines.append(f"  {name:<20} {_fmt(value):>6} {TARGETS[name]:>7.2f}")
    return "\n".join(lines)


def as_json(result: dict) -> dict:
    def tally(t: Tally) -> dict:
        return {"precision": t.precision, "recall": t.recall, "tp": t.tp, "fp": t.fp,
                "fn": t.fn, "tn": t.tn}
    return {
        "documents": result["documents"],
        "figures": result["figures"],
        "items": {k: tally(t) for k, t in result["items"].items()},
        "facts_items": {k: tally(t) for k, t in result["facts_items"].items()},
        "outdated": {k: tally(t) for k, t in result["outdated"].items()},
        "placeholder": tally(result["placeholder"]),
        "blocking": result["blocking"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subprocess", action="store_true",
                        help="run the installed drafter command for each file")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--details", action="store_true",
                        help="list every wrong or missed note by document")
    args = parser.parse_args()
    result = score(load_corpus(), args.subprocess)
    print(json.dumps(as_json(result), indent=2) if args.json else report(result, args.details))


if __name__ == "__main__":
    main()
