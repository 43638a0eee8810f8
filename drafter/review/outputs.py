"""`drafter review --format`: a whole run (one file or many) as text, JSON, JSON Lines,
Markdown, SARIF 2.1.0 or GitHub Actions annotations.

One file gives exactly the report `drafter.review.report` documents (the JSON contract is
unchanged). Many files (several arguments, or a folder) give, in `json`, one object:

    {"files": [<one file's object, as for one file>, …],
     "errors": [{"file": "b.html", "error": "b.html:3: is not UTF-8 text"}],
     "summary": {"blocking": 2, "warning": 1, "advice": 0, "counsel": 0, "total": 3,
                 "files": 2}}

and, in `jsonl`, one such file object (or error object) per line. A file object gains
`"suppressed": {"ignored": n, "baseline": m}` when comments or a baseline left notes out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drafter.errors import json_text
from drafter.review.batch import FileReview, Run
from drafter.review.github import annotations
from drafter.document.model import summary
from drafter.review.report import as_markdown, as_text, headline
from drafter.review.sarif import sarif_log

Output = Callable[[Run], str]


def file_json(result: FileReview, run: Run) -> dict[str, Any]:
    if result.error is not None:
        return {"file": result.name, "error": result.error}
    data: dict[str, Any] = {"file": result.name, "notes": [n.as_json() for n in result.notes],
                            "summary": summary(result.notes)}
    if run.promises is not None:
        data["promises"] = [p.as_json() for p in run.promises]
    if result.ignored or result.baselined:
        data["suppressed"] = {"ignored": result.ignored, "baseline": result.baselined}
    return data


def totals(run: Run) -> dict[str, int]:
    return {**summary(n for f in run.reviewed for n in f.notes), "files": len(run.reviewed)}


def as_json(run: Run) -> str:
    if not run.many:
        (only,) = run.reviewed
        return json_text(file_json(only, run), indent=2)
    data = {"files": [file_json(f, run) for f in run.reviewed],
            "errors": [file_json(f, run) for f in run.files if f.error is not None],
            "summary": totals(run)}
    return json_text(data, indent=2)


def as_jsonl(run: Run) -> str:
    return "".join(json_text(file_json(f, run)) for f in run.files)


def text(run: Run) -> str:
    out = "".join(as_text(f.notes, f.name, run.questionnaire) for f in run.reviewed)
    if run.many:
        everything = [n for f in run.reviewed for n in f.notes]
        failed = len(run.files) - len(run.reviewed)
        out += (f"{len(run.reviewed)} file(s) reviewed" + (f", {failed} not read" if failed else "")
                + f": {headline(everything)}\n")
    return out


def markdown(run: Run) -> str:
    return "\n".join(as_markdown(f.notes, f.name, run.questionnaire, run.promises)
                     for f in run.reviewed)


FORMATS: dict[str, Output] = {"text": text, "json": as_json, "jsonl": as_jsonl,
                              "markdown": markdown, "sarif": sarif_log, "github": annotations}
