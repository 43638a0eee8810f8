"""Loading a library's translations: `clauses/languages.yaml`, every `name.LANG.md.j2` beside
its English clause, every `data/NAME.LANG.yaml` beside its English data.

A translation file holds wording only. Its front matter, when it has one, may give only the
clause's `title` (when the English clause has one); `when`, `satisfies`, `order` and `section`
are the English file's, so the two cannot disagree about what a clause means or meets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jinja2 import Template

from drafter.errors import UserError
from drafter.i18n import ENGLISH
from drafter.parsecache import memo
from drafter.records import FORBID
from drafter.templating import TemplateSyntaxError, checked, compile_template
from drafter.yamlio import DataFile, load_data, parse_data, read_text

if TYPE_CHECKING:
    from drafter.library import Library

LANGUAGES_FILE = "languages.yaml"
# `privacy.es.md.j2`, `categories.fr-CA.yaml`: a language tag (BCP 47, language and region)
# between the name and the suffix marks a translation.
_TRANSLATION = re.compile(r"\.(?P<lang>[a-z]{2}(?:-[A-Z]{2})?)\.(?P<suffix>md\.j2|yaml)$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
EVERY = "*"  # `wording: {number_words: ['*']}`: the values themselves are words


def language_of_file(path: Path) -> str | None:
    """The language tag of a translation file (`name.es.md.j2` → `es`); None for English."""
    match = _TRANSLATION.search(path.name)
    return match.group("lang") if match else None


def english_path(path: Path) -> Path:
    """The English file a translation sits beside: `name.es.md.j2` → `name.md.j2`."""
    match = _TRANSLATION.search(path.name)
    assert match is not None
    return path.with_name(path.name[: match.start()] + "." + match.group("suffix"))


@dataclass(frozen=True)
class Labels:
    __pydantic_config__ = FORBID

    effective_date: str  # the header's date line: "Effective date: {date}"
    contents: str  # the contents list's heading
    draft: str  # Word's header until the policy is published
    page: str  # Word's footer: "Page {page} of {pages}"


@dataclass(frozen=True)
class SiteLabels:
    """The words of `drafter publish --site`'s pages around the policy (drafter/site.py), in
    English unless a language gives its own (`site:` in languages.yaml). `{business}`,
    `{date}`, `{took}` and `{replaced}` are filled in."""

    __pydantic_config__ = FORBID

    current: str = "Current policy"
    versions: str = "All versions"
    changes: str = "What changed"
    title_current: str = "Privacy policy — {business}"
    title_version: str = "Privacy policy of {business}, effective {date}"
    title_versions: str = "Privacy policy of {business}: all versions"
    title_changes: str = "Privacy policy of {business}: what changed"
    replaced: str = "This version took effect on {took} and was replaced on {replaced}."
    read_current: str = "Read the current policy"
    versions_intro: str = "Every version published, by the date it took effect, newest first."
    current_mark: str = "{date} (current)"
    changes_from: str = "Changes from the version of {date}."
    this_version: str = "This version"
    version_before: str = "The version before"
    unchanged: str = "The wording did not change."
    added_section: str = "New section"
    removed_section: str = "Section removed"
    changed_section: str = "Changed"
    colon: str = ": "  # between such a heading or word and what it names
    removed: str = "Removed"
    added: str = "Added"
    only_one: str = "Only one version has been published."


@dataclass(frozen=True, kw_only=True)
class LanguageSpec:
    """One language in `languages.yaml`."""

    __pydantic_config__ = FORBID

    name: str  # in English, for messages and counsel's review.md
    own_name: str  # in the language itself, for the links between versions
    locale: str  # Babel's locale for dates and lists (`es`, `fr_CA`)
    status: Literal["complete", "partial"]  # complete: lint requires every clause and wording
    answer: str | None = None  # the option of the languages question that asks for it
    # a free-text answer the policy quotes → the optional question holding the owner's own
    # words for it in this language (drafter.i18n.answers)
    translations: dict[str, str] = field(default_factory=dict)
    # a text question's suggested answer (its `default:`, our words, "the United States") →
    # this language's words for it, printed when the owner kept the suggestion as it stands
    suggested: dict[str, str] = field(default_factory=dict)
    # the genders its nouns take: a data wording may give its words for each (`number_words`:
    # `{masculine: [...], feminine: [...]}`), and the template writing the noun chooses
    genders: list[str] = field(default_factory=list)
    title: str
    labels: Labels
    site: SiteLabels | None = None  # publish --site's pages; lint requires every one
    # section id → title (document.yaml and the modules')
    sections: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class LanguagesFile:
    __pydantic_config__ = FORBID

    question: str  # the answer key that lists the languages the business serves people in
    wording: dict[str, list[str]]  # data file → its fields that are words (EVERY: all)
    # answers (and list fields, `sharing.vendors.name`) printed as typed in every language,
    # with no note: names, addresses and contact details, not prose
    as_typed: list[str] = field(default_factory=list)
    languages: dict[str, LanguageSpec]


@dataclass(frozen=True)
class Translation:
    """One clause's wording in one language."""

    clause_id: str
    lang: str
    path: Path
    body_line: int
    source: str
    title: str | None = None
    title_line: int | None = None

    @cached_property
    def template(self) -> Template:
        return compile_template(self.source)


@dataclass(frozen=True)
class TranslationFiles:
    """The translation files of a library, read (`Catalog.files`)."""

    clauses: Mapping[tuple[str, str], Translation]
    data: Mapping[tuple[str, str], DataFile]
    strays: tuple[Path, ...] = ()
    unknown: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Catalog:
    """Every translation of a library. `languages.yaml` is read at once; the translation files
    on first use (`files`), so that an English build, which needs only the list of languages,
    never reads the ~300 files beside the clauses."""

    spec: LanguagesFile | None
    path: Path
    root: Path
    _merged: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False)

    @cached_property
    def files(self) -> TranslationFiles:
        return _load_files(self.root, set(self.languages))

    @property
    def clauses(self) -> Mapping[tuple[str, str], Translation]:
        """(clause id, language) → translation"""
        return self.files.clauses

    @property
    def data(self) -> Mapping[tuple[str, str], DataFile]:
        """(data name, language) → its wording"""
        return self.files.data

    @property
    def strays(self) -> tuple[Path, ...]:
        """translation files with no English file beside them"""
        return self.files.strays

    @property
    def unknown(self) -> tuple[Path, ...]:
        """translation files in a language not declared"""
        return self.files.unknown

    @property
    def languages(self) -> Mapping[str, LanguageSpec]:
        return self.spec.languages if self.spec is not None else {}

    def language(self, lang: str) -> LanguageSpec:
        if lang not in self.languages:
            offered = ", ".join([ENGLISH, *self.languages])
            raise UserError(f"no language {lang!r} in the library; it offers {offered}",
                            path=self.path, field="--lang")
        return self.languages[lang]

    def data_for(self, lang: str, english: Mapping[str, Any]) -> dict[str, Any]:
        """The reference data as a language's clauses see it: each wording field replaced by
        its translation, and a wording field with none left out (a clause that reads it then
        fails to render in that language rather than printing English)."""
        if lang not in self._merged:
            wording = self.spec.wording if self.spec is not None else {}
            merged: dict[str, Any] = {}
            for name, value in english.items():
                found = self.data.get((name, lang))
                fields = wording.get(name)
                if fields is None:
                    merged[name] = value
                elif fields == [EVERY]:
                    if found is not None:
                        merged[name] = found.data
                else:
                    merged[name] = _words(value, found.data if found else None, set(fields))
            self._merged[lang] = merged
        return self._merged[lang]


def _words(english: Any, translated: Any, fields: set[str]) -> Any:
    """Records (a mapping or list of mappings) with their wording `fields` from `translated`
    (same shape, wording only) and untranslated wording fields dropped."""
    if isinstance(english, list):
        others = translated if isinstance(translated, list) else []
        return [_record(e, others[i] if i < len(others) else None, fields)
                for i, e in enumerate(english)]
    others = translated if isinstance(translated, dict) else {}
    return {k: _record(v, others.get(k), fields) for k, v in english.items()}


def _record(english: Any, translated: Any, fields: set[str]) -> Any:
    if not isinstance(english, dict):
        return english
    theirs = translated if isinstance(translated, dict) else {}
    return {k: _parts(v, theirs[k]) if k in fields and k in theirs else v
            for k, v in english.items() if k not in fields or k in theirs}


def _parts(english: Any, translated: Any) -> Any:
    """A wording's translation: for a wording in parts (`text` with a `when`), the
    translation lists the parts' texts in order, and each keeps its English `when`."""
    if isinstance(english, list) and isinstance(translated, list):
        return [{**e, "text": t} if isinstance(e, dict) else t
                for e, t in zip(english, translated)]
    return translated


def catalog(library: Library) -> Catalog:
    """The library's translations, loaded once per library (`Library.translations`)."""
    return library.translations


def load_languages(root: Path) -> LanguagesFile | None:
    """`languages.yaml`, the one source of what each language is; None where a library has
    none (English only)."""
    path = root / LANGUAGES_FILE
    if not path.is_file():
        return None
    file = load_data(path)
    return memo("languages", file.text, lambda: file.validated(LanguagesFile))


def locale_of(root: Path, lang: str) -> str | None:
    """Babel's locale for the language `lang` of the library at `root`, as `languages.yaml`
    declares it (`fr-CA`: `fr_CA`); None for the library's own English."""
    if lang == ENGLISH:
        return None
    spec = load_languages(root)
    if spec is None or lang not in spec.languages:
        raise UserError(f"no language {lang!r} in the library", path=root / LANGUAGES_FILE,
                        field="--lang")
    return spec.languages[lang].locale


def load_catalog(root: Path) -> Catalog:
    return Catalog(load_languages(root), root / LANGUAGES_FILE, root)


def _load_files(root: Path, declared: set[str]) -> TranslationFiles:
    clauses: dict[tuple[str, str], Translation] = {}
    data: dict[tuple[str, str], DataFile] = {}
    strays: list[Path] = []
    unknown: list[Path] = []
    for file in sorted([*root.rglob("*.md.j2"), *(root / "data").glob("*.yaml")]):
        lang = language_of_file(file)
        if lang is None:
            continue
        if lang not in declared:
            unknown.append(file)
        elif not english_path(file).is_file():
            strays.append(file)
        elif file.name.endswith(".yaml"):
            data[(english_path(file).name.removesuffix(".yaml"), lang)] = load_data(file)
        else:
            translation = _load_translation(file, lang)
            clauses[(translation.clause_id, lang)] = translation
    return TranslationFiles(clauses, data, tuple(strays), tuple(unknown))


def _load_translation(path: Path, lang: str) -> Translation:
    """A translation, from the parse cache when these two texts were read before (reading
    one takes two front matters and, for its title's line, a round-trip parse)."""
    english, text = read_text(english_path(path)), read_text(path)
    return memo("translation", f"{path}\0{lang}\0{english}\0{text}",
                lambda: _read_translation(path, lang, english, text))


def _read_translation(path: Path, lang: str, english: str, text: str) -> Translation:
    head = _FRONT_MATTER.match(english)
    clause_id = ""
    if head is not None:
        front = parse_data(head.group(1), english_path(path), first_line=2).data or {}
        clause_id = str(front.get("id", ""))
    title, title_line, body_line, source = None, None, 1, text
    match = _FRONT_MATTER.match(text)
    if match is not None:
        front = parse_data(match.group(1), path, first_line=2)
        for key in front.data or {}:
            if key != "title":
                raise UserError(f"a translation gives only its `title`; `{key}` is the English "
                                "clause's", path=path, line=front.line((key,)), field=key)
        title = (front.data or {}).get("title")
        if not isinstance(title, str):
            raise UserError("a translation's title is text", path=path,
                            line=front.line(("title",)), field="title")
        title_line = front.line(("title",))
        body_line = text[: match.end()].count("\n") + 1
        source = text[match.end():]
    try:
        checked(source)
    except TemplateSyntaxError as exc:
        raise UserError(f"template error: {exc.message}", path=path,
                        line=(exc.lineno or 1) + body_line - 1, field=clause_id) from None
    return Translation(clause_id, lang, path, body_line, source, title, title_line)
