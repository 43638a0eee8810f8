"""`drafter review --format sarif`: a SARIF 2.1.0 log for code-scanning tools.

One run; each check (or requirement, for a missing item) is a rule, each note a result:
`blocking` is SARIF `error`, `warning` `warning`, `advice` `note`. Every result has a region
(a note about the whole document: line 1, with `"wholeDocument": true`).
`partialFingerprints` carries the baseline's passage fingerprint, so a code-scanning service
follows a note across edits above it. Files that could not be read are tool execution
notifications, and the invocation is then not successful. tests/test_review_ci.py validates
the log against the OASIS schema.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from drafter import __version__
from drafter.errors import json_text
from drafter.review.baseline import file_key, fingerprint
from drafter.review.batch import Run
from drafter.review.ignore import rule_key
from drafter.document.model import Note

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"blocking": "error", "warning": "warning", "advice": "note"}


def uri(name: str) -> str:
    """A relative path as a URI reference (slashes kept, anything else escaped)."""
    return quote(file_key(name), safe="/")


def _message(note: Note) -> str:
    text = " ".join(note.message.split())
    return text + (f" ({note.cite})" if note.cite else "")


def _result(note: Note, index: int, name: str) -> dict[str, Any]:
    # A note about the whole document is placed on line 1: GitHub code scanning shows only
    # results with a `region.startLine` (sarif-sdk's GH1003); `wholeDocument` says so.
    first, last = note.lines or (1, 1)
    region: dict[str, Any] = {"startLine": first, "endLine": last}
    if note.excerpt:
        region["snippet"] = {"text": note.excerpt}
    location = {"artifactLocation": {"uri": uri(name)}, "region": region}
    result: dict[str, Any] = {
        "ruleId": rule_key(note), "ruleIndex": index,
        "level": "error" if note.for_counsel else LEVELS[note.severity],
        "message": {"text": _message(note)},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"drafterPassage/v1": fingerprint(note)},
        "properties": {"severity": note.severity, "topic": note.topic, "id": note.id,
                       "forCounsel": note.for_counsel, "wholeDocument": note.lines is None},
    }
    if note.resolves_by:
        result["properties"]["resolvesBy"] = note.resolves_by
    return result


def _rule(note: Note) -> dict[str, Any]:
    rule: dict[str, Any] = {"id": rule_key(note),
                            "shortDescription": {"text": f"{note.topic}: {rule_key(note)}"},
                            "defaultConfiguration": {"level": LEVELS[note.severity]},
                            "properties": {"topic": note.topic}}
    if note.cite:
        rule["help"] = {"text": note.cite}
    return rule


def sarif_log(run: Run) -> str:
    rules: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for file in run.reviewed:
        for note in file.notes:
            if rule_key(note) not in rules:
                rules[rule_key(note)] = len(descriptors)
                descriptors.append(_rule(note))
            results.append(_result(note, rules[rule_key(note)], file.name))
    failures = [{"level": "error", "message": {"text": f.error},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(f.name)}}}]}
                for f in run.files if f.error is not None]
    log = {
        "$schema": SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "drafter", "version": __version__,
                                "semanticVersion": __version__, "rules": descriptors}},
            "invocations": [{"executionSuccessful": not failures,
                             "toolExecutionNotifications": failures}],
            "artifacts": [{"location": {"uri": uri(f.name)}} for f in run.files],
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json_text(log, indent=2)
