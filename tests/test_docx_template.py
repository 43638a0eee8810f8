"""The Word template (`drafter/export/template.docx`, python-docx's default with only the
styles we use) changes nothing in the files but their size: every part but the styles is
what python-docx's default gives, and every style a file names is defined as it was."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from lxml import etree

import drafter.export.docx as word
from drafter.build import render
from drafter.export import formats
from drafter.export.docx_template import (DROPPED, TEMPLATE, make_template,
                                          python_docx_default)
from drafter.paths import examples
from tests.conftest import real_project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# the largest policy, tables and the promises ledger; French; one with few answers
EXAMPLES = ("email-platform", "quebec-firm", "texas-small")


def test_the_template_is_made_from_python_docx_s_default() -> None:
    """Regenerate it (`python -m drafter.export.docx_template`) when this fails after an
    upgrade of python-docx."""
    assert TEMPLATE.read_bytes() == make_template(python_docx_default())


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _resolved(parts: dict[str, bytes]) -> dict[str, bytes]:
    """Each part with its relationship ids (`r:id="rId9"`) replaced by what they point at:
    the template has fewer parts, so python-docx numbers the relationships it adds apart."""
    out = dict(parts)
    for name, data in parts.items():
        if not name.endswith(".rels"):
            continue
        owner = name.replace("_rels/", "").removesuffix(".rels")
        rels = {r.get("Id"): f'{r.get("Type").rsplit("/", 1)[-1]}:{r.get("Target")}'
                for r in etree.fromstring(data)}
        out[name] = b"\n".join(sorted(v.encode() for v in rels.values()))
        if owner in out:
            out[owner] = re.sub(rb'(r:(?:id|embed))="(rId\d+)"',
                                lambda m: m[1] + b'="' + rels[m[2].decode()].encode() + b'"',
                                out[owner])
    return out


def _styles(xml: bytes) -> dict[str, bytes]:
    root = etree.fromstring(xml)
    return {s.get(f"{W}styleId"): etree.tostring(s) for s in root.iterchildren(f"{W}style")}


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_policy_from_the_template_is_the_one_from_python_docx_s_default(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    project = real_project()
    draft = project.draft(project.answers(examples()[name]))
    ours = _resolved(_parts(render(draft, formats("docx"))[".docx"]))
    monkeypatch.setattr(word, "new_document", docx.Document)
    theirs = _resolved(_parts(render(draft, formats("docx"))[".docx"]))
    dropped = {n for n in theirs if any(n.startswith(d) for d in DROPPED)}
    for part in set(ours) - {"word/styles.xml", "[Content_Types].xml"}:
        if part.endswith(".rels"):  # less what points at the parts left out
            assert set(ours[part].split(b"\n")) == {
                r for r in theirs[part].split(b"\n")
                if not any(d.rstrip("/").rsplit("/", 1)[-1].encode() in r for d in DROPPED)}, part
        else:
            assert ours[part] == theirs[part], part
    assert set(theirs) - set(ours) == dropped
    named = set(re.findall(rb'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"',
                           b"".join(ours.values())))
    kept, was = _styles(ours["word/styles.xml"]), _styles(theirs["word/styles.xml"])
    named_ids = {n.decode() for n in named}
    assert named_ids - set(kept) == named_ids - set(was)  # (the comments' styles: in neither)
    assert {k: v for k, v in kept.items() if k in was} == \
        {k: was[k] for k in kept if k in was}  # every style kept says what it said
    assert set(kept) - set(was) <= {"TOC1", "TOC2"}  # added per file, as before
