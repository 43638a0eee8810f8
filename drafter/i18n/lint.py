"""`drafter lint` for translations: each says what its English clause says, from the same
answers, and a language declared complete lacks nothing.

A translation must read exactly the answers (and `data`, `law` facts) its English clause
reads, found by Jinja's own scope analysis (`referenced_names`, over
`meta.find_undeclared_variables`), and make the same promises on the same bases; a clause
title goes with a title. Data translations may hold only the wording fields `languages.yaml`
names, under keys the English file has.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

from drafter.errors import UserError
from drafter.i18n.answers import FREE_TEXT
from drafter.i18n.conjunctions import conjoined
from drafter.i18n.catalog import EVERY, Catalog, SiteLabels, Translation, catalog, \
    english_path
from drafter.review.languages import FOLDER, review_languages, unknown_ids
from drafter.library import Clause, Library
from drafter.name_check import first_use
from drafter.plain import kind
from drafter.questionnaire import Questionnaire
from drafter.templating import promise_bases, referenced_names
from drafter.yamlio import load_data



def lint_translations(library: Library, swallowed: Callable[[Path, int, str, str],
                                                           list[UserError]] | None = None,
                      questionnaire: Questionnaire | None = None) -> list[UserError]:
    """Every problem in the library's translations; `swallowed` is lint.py's check for a
    block tag eating a line break, run on each translation's body too; the questionnaire's
    translation questions (`translations:` in languages.yaml) are checked when it is given."""
    try:
        found = catalog(library)
        found.files  # read here (a build reads them on first use): a broken one is a problem
    except UserError as exc:
        return [exc]
    problems: list[UserError] = _answer_translations(questionnaire, found) \
        if questionnaire is not None else []
    for path in found.unknown:
        problems.append(UserError("a translation in a language languages.yaml does not "
                                  "declare", path=path))
    for path in found.strays:
        problems.append(UserError(f"a translation with no English file beside it "
                                  f"({english_path(path).name})", path=path))
    clauses = {c.meta.id: c for c in library.clauses}
    for (clause_id, _), translation in found.clauses.items():
        clause = clauses.get(clause_id)
        if clause is None:
            problems.append(UserError("translates a file that is not a clause",
                                      path=translation.path))
        else:
            problems += _compare(clause, translation)
            problems += _conjunctions(translation, found)
            if swallowed is not None:
                problems += swallowed(translation.path, translation.body_line,
                                      translation.source, clause_id)
    problems += _sections(library, found)
    problems += _data(library, found)
    for lang in review_languages(library.root):
        try:
            problems += unknown_ids(library, library.root / FOLDER / f"{lang}.yaml")
        except UserError as exc:
            problems.append(exc)
    return problems


def _answer_translations(questionnaire: Questionnaire, found: Catalog) -> list[UserError]:
    """`translations:` pairs a free-text answer with a free-text question holding its words
    in that language."""
    problems: list[UserError] = []
    for n, key in enumerate(found.spec.as_typed if found.spec is not None else []):
        question, _, field = key.rpartition(".") if key not in questionnaire else (key, "", "")
        if question not in questionnaire or field and field not in \
                {f.id for f in questionnaire.entry(question).question.fields or ()}:
            problems.append(UserError(f"{key} is not a question (or a field of a list)",
                                      path=found.path, field=f"as_typed[{n}]"))
    for lang, spec in found.languages.items():
        for answer, key in spec.translations.items():
            for name in (answer, key):
                if name not in questionnaire or \
                        questionnaire.entry(name).question.type not in FREE_TEXT:
                    problems.append(UserError(f"{name} is not a free-text question (text, "
                                              "long_text)", path=found.path,
                                              field=f"languages.{lang}.translations.{answer}"))
    return problems


def _compare(clause: Clause, translation: Translation) -> list[UserError]:
    problems: list[UserError] = []

    def problem(message: str, line: int | None = None) -> None:
        problems.append(UserError(message, path=translation.path,
                                  line=line or translation.body_line, field=clause.meta.id))

    english = referenced_names(clause.source, expression=False)
    theirs = referenced_names(translation.source, expression=False)
    if theirs - english:  # at the line that first uses one
        problem(f"uses {', '.join(sorted(theirs - english))}, which the English clause does "
                "not read", translation.body_line - 1 + min(
                    first_use(translation.source, name) for name in theirs - english))
    if english - theirs:
        problem(f"never reads {', '.join(sorted(english - theirs))}, which the English "
                "clause reads")
    promised = sorted(_bases(clause.source))
    if sorted(_bases(translation.source)) != promised:
        problem("its promises do not rest on the same answers as the English clause's "
                f"({'; '.join(', '.join(b) for b in promised) or 'none'})")
    if clause.meta.title is not None and translation.title is None:
        problem("the English clause has a title; give its translation as `title:` in front "
                "matter", 1)
    if clause.meta.title is None and translation.title is not None:
        problem("has a title, but the English clause has none", translation.title_line)
    return problems


# A Spanish "y" or "o" written before an answer (through any tags): its form depends on the
# answer's first sound ("e Illinois"), which only `with_conjunction` knows.
_BEFORE_ANSWER = re.compile(r"(?<!\w)([yo]) (?:\{%[^%]*%\})*\{\{")


def _conjunctions(translation: Translation, found: Catalog) -> list[UserError]:
    spec = found.languages.get(translation.lang)
    if spec is None or conjoined("y", "i", spec.locale) == "y":
        return []  # a language whose conjunctions never change
    return [UserError(f"\"{m.group(1)}\" before an answer: write `{{{{ value | "
                      f"with_conjunction('{m.group(1)}') }}}}`, so it becomes "
                      f"\"{conjoined(m.group(1), 'io'[m.group(1) == 'o'], spec.locale)}\" "
                      "before the same sound", path=translation.path,
                      line=translation.body_line + translation.source.count("\n", 0, m.start()),
                      field=translation.clause_id)
            for m in _BEFORE_ANSWER.finditer(translation.source)]


def _bases(source: str) -> list[tuple[str, ...]]:
    return [tuple(sorted(basis)) for basis, _ in promise_bases(source)]


def _site_labels_given(path: Path, lang: str) -> set[str]:
    """The site's words `languages.yaml` gives for `lang` (not the English defaults)."""
    spec = (load_data(path).data or {}).get("languages", {}).get(lang) or {}
    site = spec.get("site") if isinstance(spec, dict) else None
    return set(site) if isinstance(site, dict) else set()


def _sections(library: Library, found: Catalog) -> list[UserError]:
    problems: list[UserError] = []
    ids = {s.spec.id for s in library.sections}
    for lang, spec in found.languages.items():
        for label, needs in (("effective_date", ["{date}"]), ("page", ["{page}", "{pages}"])):
            if any(n not in getattr(spec.labels, label) for n in needs) or \
                    label == "page" and spec.labels.page.find("{page}") > \
                    spec.labels.page.find("{pages}"):
                problems.append(UserError(f"must say where {' and '.join(needs)} go, in that "
                                          "order", path=found.path,
                                          field=f"languages.{lang}.labels.{label}"))
        for section in sorted(set(spec.sections) - ids):
            problems.append(UserError("not a section of the policy", path=found.path,
                                      field=f"languages.{lang}.sections.{section}"))
        if spec.status != "complete":
            continue
        given = _site_labels_given(found.path, lang)
        for label in [f.name for f in fields(SiteLabels) if f.name not in given]:
            problems.append(UserError(f"no {spec.name} words for the site's pages, and "
                                      f"{spec.name} is declared complete", path=found.path,
                                      field=f"languages.{lang}.site.{label}"))
        for section in sorted(ids - set(spec.sections)):
            problems.append(UserError(f"no {spec.name} title for this section, and "
                                      f"{spec.name} is declared complete", path=found.path,
                                      field=f"languages.{lang}.sections.{section}"))
        for clause in library.clauses:
            if (clause.meta.id, lang) not in found.clauses:
                problems.append(UserError(f"no {spec.name} translation "
                                          f"({clause.path.name.removesuffix('.md.j2')}."
                                          f"{lang}.md.j2), and {spec.name} is declared "
                                          "complete", path=clause.path, field=clause.meta.id))
    return problems


def _data(library: Library, found: Catalog) -> list[UserError]:
    problems: list[UserError] = []
    wording = found.spec.wording if found.spec is not None else {}
    for name in sorted(set(wording) - set(library.data)):
        problems.append(UserError("no such file in clauses/data/", path=found.path,
                                  field=f"wording.{name}"))
    for (name, lang), file in found.data.items():
        fields = wording.get(name)
        if fields is None:
            problems.append(UserError(f"{name}.yaml has no wording fields in languages.yaml "
                                      "(`wording:`), so nothing of it is translated",
                                      path=file.path))
            continue
        spec = found.languages.get(lang)
        for loc, message in _gendered(library.data[name], file.data, set(fields),
                                      spec.genders if spec is not None else []):
            problems.append(UserError(message, path=file.path, line=file.line(loc),
                                      field=".".join(map(str, loc)) or name))
    for lang, spec in found.languages.items():
        if spec.status != "complete":
            continue
        for name, fields in wording.items():
            file = found.data.get((name, lang))
            merged = found.data_for(lang, library.data).get(name)
            if file is None or merged is None or \
                    any(_untranslated(library.data.get(name), words, set(fields))
                        for words in _by_gender(library.data.get(name), file.data,
                                                spec.genders)):
                problems.append(UserError(f"not every wording is in {spec.name}, and "
                                          f"{spec.name} is declared complete",
                                          path=Path(library.root / "data" /
                                                    f"{name}.{lang}.yaml"), field=name))
    return problems


def _by_gender(english: Any, theirs: Any, genders: list[str]) -> list[Any]:
    """A translation's words, or its words for each gender of noun (`genders:` in
    languages.yaml) when it gives them so, where the English file has one form."""
    if genders and isinstance(theirs, dict) and not isinstance(english, dict) and \
            set(theirs) == set(genders):
        return list(theirs.values())
    return [theirs]


def _gendered(english: Any, theirs: Any, fields: set[str],
              genders: list[str]) -> list[tuple[tuple[Any, ...], str]]:
    if len(_by_gender(english, theirs, genders)) == 1:
        return _shape(english, theirs, fields, ())
    return [found for gender in genders
            for found in _shape(english, theirs[gender], fields, (gender,))]


def _shape(english: Any, theirs: Any, fields: set[str],
           loc: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], str]]:
    """Where a data translation strays from the English file's shape or its wording fields."""
    if fields == {EVERY}:
        if isinstance(english, dict) and isinstance(theirs, dict):
            return [((*loc, k), "not a key of the English file") for k in theirs
                    if k not in english]
        if isinstance(english, list) and isinstance(theirs, list) and \
                len(english) != len(theirs):
            return [(loc, f"{len(theirs)} entries; the English file has {len(english)}")]
        return [] if kind(english) == kind(theirs) else [(loc, "not shaped as the English")]
    records = (theirs.items() if isinstance(theirs, dict) else enumerate(theirs)
               if isinstance(theirs, list) else None)
    if records is None:
        return [(loc, "not shaped as the English file")]
    found: list[tuple[tuple[Any, ...], str]] = []
    for key, record in records:
        mine = english.get(key) if isinstance(english, dict) else \
            english[key] if isinstance(key, int) and key < len(english) else None
        if mine is None:
            found.append(((*loc, key), "not a key of the English file"))
            continue
        for field in record or {}:
            if field not in fields:
                found.append(((*loc, key, field), "not a wording field (languages.yaml "
                              "`wording:`); data fields are the English file's"))
            elif field not in mine:
                found.append(((*loc, key, field), "the English entry has no such wording"))
            elif not _shaped(mine[field], record[field]):
                found.append(((*loc, key, field), "not shaped as the English wording (a "
                              "text, or a list of one text for each of its parts)"))
    return found


def _shaped(english: Any, theirs: Any) -> bool:
    if isinstance(english, list):
        return isinstance(theirs, list) and len(theirs) == len(english) and \
            all(isinstance(t, str) for t in theirs)
    return isinstance(theirs, str)


def _untranslated(english: Any, theirs: Any, fields: set[str]) -> bool:
    if fields == {EVERY}:
        return (len(theirs) != len(english)) if isinstance(english, list) else \
            bool(set(english) - set(theirs or {}))
    pairs = english.items() if isinstance(english, dict) else enumerate(english)
    for key, record in pairs:
        other = (theirs.get(key) if isinstance(theirs, dict) else
                 theirs[key] if isinstance(theirs, list) and key < len(theirs) else None) or {}
        if any(f in record and f not in other for f in fields):
            return True
    return False
