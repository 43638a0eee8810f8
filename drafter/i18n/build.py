"""`drafter build --lang en,es,fr-CA`: the policy in each language, from one set of answers.

English is built as it always was (`privacy-policy.md` and its formats, `review.md`); each
other language writes `privacy-policy.<lang>.<suffix>` beside it, from the same answers and
the same clause choice. Every language is assembled before anything is written, so a
language that lacks wording refuses the whole build with one line and nothing half-done is
left on disk. Without `--lang` the languages are those the owner answered the languages
question with that the library offers; one of those it cannot write yet is named, and left
out, rather than stopping the English build. Each language's Markdown is an edit layer like
the English one: counsel's edits in `privacy-policy.es.md` are merged with the next Spanish
draft (`regenerate`, over the Spanish generation the manifest keeps in `languages`), and the
other Spanish formats are made from the merged text; `changes.es.md` says what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from drafter.answers import Answers
from drafter.assemble import assemble
from drafter.build import BuildResult, _write_formats, build, keep_edit_layer, render
from drafter.document.model import Draft, Policy
from drafter.errors import UserError
from drafter.export import Format
from drafter.export.markdown import to_markdown
from drafter.history import changes_file, record_changes
from drafter.i18n import ENGLISH
from drafter.i18n.answers import answered_languages
from drafter.i18n.catalog import catalog
from drafter.i18n.render import MissingWording
from drafter.manifest import Generation, LanguageRecord, policy_md, \
    policy_records, save_manifest
from drafter.project import Project
from drafter.regenerate import Outcome, regenerate
from drafter.yamlio import atomic_write, read_text


@dataclass(frozen=True)
class LanguagesBuilt:
    result: BuildResult  # the English build, its `written` with every language's files
    built: tuple[str, ...]  # language tags, English first
    skipped: tuple[str, ...] = ()  # one line each: a language the answers ask for, not built
    outcomes: dict[str, Outcome] = field(default_factory=dict)  # each language's edit layer


def parse_langs(value: str | None) -> list[str] | None:
    """`--lang en,es` → ["en", "es"] (None: not given)."""
    if value is None:
        return None
    langs = [v.strip() for v in value.split(",") if v.strip()]
    if not langs:
        raise UserError("names no language (for example `--lang en,es,fr-CA`)", field="--lang")
    return list(dict.fromkeys(langs))


def suffix(lang: str, fmt: Format) -> str:
    return fmt.suffix if lang == ENGLISH else f".{lang}{fmt.suffix}"


def file_name(lang: str, ext: str = ".html") -> str:
    return f"privacy-policy{ext}" if lang == ENGLISH else f"privacy-policy.{lang}{ext}"


def build_languages(project: Project, answers: Answers, out_dir: Path, formats: list[Format],
                    langs: list[str] | None, **options: Any) -> LanguagesBuilt:
    """Build English (`drafter.build.build`, with `options`) and each other language."""
    library = project.library
    found = catalog(library)
    explicit = langs is not None
    wanted = langs if langs is not None else [ENGLISH, *answered_languages(found, answers)]
    if ENGLISH not in wanted:
        raise UserError("English is always built (counsel reviews it, and the other "
                        "languages follow it): add `en` to --lang", field="--lang")
    policies: dict[str, Policy] = {}
    skipped: list[str] = []
    missing: list[MissingWording] = []  # the same, for counsel
    for lang in wanted:
        if lang == ENGLISH:
            continue
        try:
            policies[lang] = assemble(answers, library, lang)
        except MissingWording as exc:
            if explicit:
                raise
            skipped.append(f"Not built: {exc.message}")
            missing.append(exc)
    built = [ENGLISH, *policies]
    names = {ENGLISH: "English", **{lang: found.languages[lang].own_name for lang in policies}}
    alternates = tuple((lang, names[lang], file_name(lang)) for lang in built) \
        if len(built) > 1 else ()
    # counsel hears (review.md, in English) which quoted answers a language prints as typed:
    # every review of the draft says so (`Project.review`), so the notes' numbers agree
    result = build(project, answers, out_dir, formats, alternates=alternates, **options)
    folder, previous = result.folder, result.previous
    manifest = result.manifest  # as the English build just wrote it (not read back)
    assert manifest is not None
    files = dict(manifest.files)
    languages = dict(previous.languages) if previous else {}  # those not built now stay
    backups: list[Path] = []
    written: list[Path] = list(result.written)
    outcomes: dict[str, Outcome] = {}
    for lang, policy in policies.items():
        draft = Draft(replace(policy, alternates=alternates), ())
        path = folder / policy_md(lang)
        before = previous.in_language(lang) if previous else None
        markdown = to_markdown(draft, clean=options.get("clean", False))
        generation = Generation(markdown=markdown, plain=markdown)  # no notes to set aside
        # counsel's edits merge as in English; a file from before languages were recorded
        # has no base to merge on: it is backed up and replaced, as it was then
        outcome = regenerate(path, before, generation, options.get("force", False)
                             or before is None)
        outcomes[lang] = outcome
        unresolved = keep_edit_layer(path, outcome, files, backups)
        written.append(path)
        languages[lang] = LanguageRecord(generation, *policy_records(draft), unresolved)
        if unresolved is None:
            rendered = render(draft, formats, outcome.markdown, manifest.library_version,
                              clean=True, published=options.get("published", False))
            rendered.pop(".md", None)
            rendered = {f".{lang}{ext}": data for ext, data in rendered.items()}
            written += _write_formats(folder, rendered, manifest, files, backups)
    if languages:  # a language not built this time keeps its base for its next build
        manifest = replace(manifest, files=files, languages=languages)
        save_manifest(folder, manifest)
    if policies or missing:
        _note_languages(folder / "review.md", [found.languages[lang].name for lang in policies],
                        missing)
    for lang, outcome in outcomes.items():
        if not outcome.conflicts and record_changes(
                project.questionnaire, project.library.root, folder, previous, lang,
                current=manifest) is not None:
            written.append(folder / changes_file(lang))  # said, as every file written is
    result = replace(result, written=tuple(written), backups=(*result.backups, *backups))
    return LanguagesBuilt(result, tuple(built), tuple(skipped), outcomes)


def _note_languages(review: Path, names: list[str], missing: list[MissingWording]) -> None:
    """review.md stays in English for counsel and says which other languages were built, and
    which the owner serves people in that could not be (the English is then the only one)."""
    text = read_text(review).rstrip("\n")
    if names:
        text += (f"\n\nAlso built, from the same answers and clauses, in: {', '.join(names)} "
                 "(`privacy-policy.<lang>.*`, without reviewer notes: the notes above apply to "
                 "every language).")
    for exc in missing:
        text += (f"\n\nNot built in {exc.name} ({exc.lang}), although the business serves "
                 f"people in it: {len(exc.missing)} clause(s) these answers need have no "
                 f"{exc.name} wording yet ({', '.join(exc.missing[:5])}"
                 f"{' …' if len(exc.missing) > 5 else ''}).")
    atomic_write(review, text + "\n")
