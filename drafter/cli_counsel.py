"""The counsel round trip on the command line: `absorb` counsel's Word file, `resolve` a note,
`diff` against and `publish` a version. Each command imports its stages when it runs."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from drafter import clock
from drafter.cli_args import Commands, answers_arguments, answers_path, answers_source, \
    format_argument, project_of, report_proposals
from drafter.errors import UserError
from drafter.paths import examples
from drafter.project import Project


def cmd_absorb(args: argparse.Namespace) -> int:
    from drafter.absorb import absorb
    from drafter.report import EXIT_CONFLICTS, conflict_lines
    from drafter.yamlio import read_text

    from drafter.decisions_word import absorb_decisions

    result = absorb(Path(args.docx), Path(args.output))
    assert result.document is not None  # absorb always hands back the file it read
    decided = absorb_decisions(result.document, result.path.parent)
    if result.changed_blocks == 0:
        print(f"{result.path}: no change from the last build.")
    else:
        where = f" (clauses: {', '.join(result.clauses)})" if result.clauses else ""
        print(f"{result.path}: {result.changed_blocks} block(s) taken from Word{where}.")
    if result.merged:
        print(f"{result.path} was edited since the last build: the Word edits were merged "
              "with those edits" + (", with conflicts:" if result.conflicts else "."))
    for line in conflict_lines(result.path, result.conflicts):
        print(line)
    if result.conflicts:
        print("Resolve each <<<<<<< … >>>>>>> block (keep the Markdown edit, the Word edit or "
              "a mix), then build again.")
    elif result.changed_blocks:
        print("The next `drafter build` merges them with any new draft.")
    if result.backup:
        print(f"Backed up: {result.backup}")
    report_proposals(read_text(result.path), result.path)
    for words in result.as_shown:
        print(f"A pending paragraph split or join after \"{words} …\" sits next to other "
              "tracked changes: taken as Word shows it (not a proposal). Check it in "
              f"{result.path}.")
    for line in decided:
        print(line)
    return EXIT_CONFLICTS if result.conflicts else 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from drafter.decisions import add_decisions, decide, find, now, rule_file, standing

    project = project_of(args)
    path = answers_path(args)
    if path.resolve() in {p.resolve() for p in examples().values()}:
        raise UserError("decisions are kept beside the answers: copy the built-in example to "
                        "your own answers file first", path=path)
    if not args.why.strip():
        raise UserError(f"say why the note is {'reopened' if args.undo else 'resolved'}: "
                        "the record is counsel's", field="--why")
    answers = project.answers(path)
    draft = project.draft(answers)
    ruling = rule_file(draft.notes, draft.policy, answers.resolved(), answers.path)
    item = find(ruling, args.note)
    kept = standing(ruling, item.key)
    assert ruling.file is not None  # answers from a file
    if args.undo:
        if kept is None:
            print(f"{item.note.id} is not resolved now; nothing recorded.")
            return 0
        add_decisions(ruling.file, [decide(item, args.by, args.why, now(), "command",
                                           undo=True)])
        print(f"Undid the resolution of {item.note.id} (by {kept.who}, "
              f"{kept.when.date().isoformat()}); recorded in {ruling.file}, where both stay. "
              "The next build shows the note again.")
        return 0
    if kept is not None:
        print(f"{item.note.id} is already resolved (by {kept.who}); nothing recorded.")
        return 0
    add_decisions(ruling.file, [decide(item, args.by, args.why, now(), "command")])
    print(f"Resolved {item.note.id} ({item.note.severity}: {item.key}); recorded in "
          f"{ruling.file}. It stays closed until what it is about changes.")
    return 0


def _folder(project: Project, args: argparse.Namespace) -> Path:
    """The build folder for an answers file (named after the business, as `build` does)."""
    from drafter.build import build_folder

    return build_folder(project, project.answers(answers_path(args)), Path(args.output))


def cmd_diff(args: argparse.Namespace) -> int:
    from drafter.changes import render_report
    from drafter.history import changes_file, changes_since_published, published_versions
    from drafter.manifest import policy_md

    from drafter.i18n.build import parse_langs

    project = project_of(args)
    folder = _folder(project, args)
    langs = parse_langs(args.lang) or ["en"]
    for lang in langs:
        if len(langs) > 1:
            print(f"# {policy_md(lang)}\n")
        if not published_versions(folder, lang):
            print(f"Nothing published yet in {folder} in {lang}: `drafter publish` keeps the "
                  f"approved version; {folder / changes_file(lang)} lists what changed since "
                  "the last build.")
            continue
        found = changes_since_published(project.questionnaire, project.library.root, folder,
                                        lang=lang)
        if found is None:
            raise UserError(f"no build of {policy_md(lang)} here yet: run `drafter build"
                            f"{'' if lang == 'en' else ' --lang en,' + lang}` first", path=folder)
        print(render_report(*found), end="")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from drafter.changes import render_report
    from drafter.export import formats
    from drafter.publish import publish

    project = project_of(args)
    on = date.fromisoformat(args.date) if args.date else clock.today()
    chosen = formats(args.format)
    lay_out = args.page_numbers
    if lay_out is None:  # the published Word file gets page numbers wherever they can be had
        from drafter.export.docx_pages import can_lay_out

        lay_out = any(f.name == "docx" for f in chosen) and can_lay_out()
    from drafter.i18n.build import parse_langs

    result = publish(project, answers_path(args), Path(args.output), chosen, on, lay_out,
                     parse_langs(args.lang))
    if args.site:
        from drafter.site import language_folder, languages_words, write_site

        site = Path(args.site)
        written = [path for words in languages_words(project.library, result.langs)
                   for path in write_site(result.build.folder, site, words)]
        also = "".join(f", {site / language_folder(lang) / 'index.html'}"
                       for lang in result.langs[1:])
        print(f"Site: {site / 'index.html'}{also}, {len(written) // 2} pages in all (and as "
              f"Markdown for a site generator, in {site / 'markdown'}).")
    if result.redated:
        print(f"The text changed, so {project.library.document.effective_date} is now "
              f"{result.redated.isoformat()} (in {answers_path(args)}).")
    if result.kept is None:
        print("No change since the last published version: nothing published, date unchanged.")
        return 0
    if result.report:
        print(render_report(*result.report), end="")
    also = f" ({', '.join(result.langs)})" if len(result.langs) > 1 else ""
    print(f"Published: {result.kept}{also}")
    return 0



def _absorb_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("docx", metavar="EDITED.docx", help="the DOCX counsel edited")
    p.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="the folder the policy was built into (default: output/)")
    p.set_defaults(run=cmd_absorb)


def _resolve_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("note", metavar="NOTE", help="the note's number in review.md (R3) or its key")
    answers_source(p)
    p.add_argument("--by", required=True, metavar="NAME", help="who decided (counsel's name)")
    p.add_argument("--why", required=True, metavar="REASON", help="why the note is resolved")
    p.add_argument("--undo", action="store_true",
                   help="take back the note's resolution: an entry saying who undid it, when "
                        "and why is added (the resolution stays on record) and the note is "
                        "open again from the next build")
    p.set_defaults(run=cmd_resolve)


def _diff_arguments(p: argparse.ArgumentParser) -> None:
    answers_arguments(p)
    p.add_argument("--lang", metavar="LANGS", help="the language versions to compare, e.g. "
                   "es or en,fr-CA (default: en); each is compared with its own published "
                   "text")
    p.set_defaults(run=cmd_diff)


def _publish_arguments(p: argparse.ArgumentParser) -> None:
    answers_arguments(p)
    format_argument(p)
    p.add_argument("--lang", metavar="LANGS", help="languages to publish, as `build --lang` "
                   "(default: those the answers serve people in); all are published together, "
                   "and only when counsel's edits are in every one of them")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="effective date for a changed text (default: today)")
    p.add_argument("--page-numbers", action=argparse.BooleanOptionalAction, default=None,
                   help="give the Word file's contents page numbers, laid out by LibreOffice "
                        "(default: on when soffice and pdftotext are installed)")
    p.add_argument("--site", metavar="DIR",
                   help="also write the published versions as a static site: current policy, "
                   "archive and what changed, as HTML (and Markdown in DIR/markdown/)")
    p.set_defaults(run=cmd_publish)


def add_counsel_parsers(sub: Commands) -> None:
    sub.command("absorb", _absorb_arguments,
                help="take counsel's edited Word file back into the Markdown")
    sub.command("resolve", _resolve_arguments,
                help="record counsel's decision to resolve a reviewer note",
                description="Records who resolved the note, when and why, beside the "
                "answers (ANSWERS → ANSWERS-stem.decisions.yaml). The note stays out of "
                "review.md's open notes and the Word comments until what it is about "
                "(its clause, its words or the answer it rests on) changes; then it "
                "comes back, marked Reopened. Blocking notes may be resolved too: the "
                "decision is counsel's, and review.md lists it under its own heading.")
    sub.command("diff", _diff_arguments, help="what changed since the last published version")
    sub.command("publish", _publish_arguments,
                help="build and keep this version under history/")
