"""The promises ledger: each promise with its clause, the answers it rests on as the owner saw
them and the laws it rests on by name, in review.md, the DOCX appendix, the JSON and the CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import tostring
from markdown_it import MarkdownIt

from drafter.build import build
from drafter.cli import main
from drafter.export import formats
from drafter.document.markdown import fragment_text
from drafter.ledger import LedgerEntry, _answer
from drafter.project import Project
from drafter.answer_text import answer_text
from drafter.review.report import PROMISES_HEADING
from tests.conftest import MINI, real_project
from tests.ledger_fixture import ANSWERS, GIVEN, ledger_answers, ledger_project

TODAY = date(2026, 11, 2)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return ledger_project(tmp_path_factory.mktemp("ledger"))


def promises(project: Project, text: str = ANSWERS) -> tuple[LedgerEntry, ...]:
    found = project.draft(ledger_answers(project, text), today=TODAY).promises
    assert found is not None
    return found


def rests_on(entry: LedgerEntry) -> dict[str, tuple[str, str]]:
    return {a.key: (a.status, a.shown()) for a in entry.answers}


# ---- the model -------------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "value", "shown"), [
    ("business.name", "Mini  Shop\nLLC", "Mini Shop LLC"),
    ("business.website", "https://mini.example", "https://mini.example"),
    ("business.kinds", ["shop", "kiosk"], "A shop, Kiosks"),
    ("business.kinds", [], "none"),
    ("business.kiosk_cards", True, "Yes"),
    ("business.kiosk_cards", False, "No"),
    ("business.size", "large", "Large"),
    ("business.size", "unsure", "I'm not sure"),
    ("business.staff", 12, "12"),
    ("business.about", "word " * 60, ("word " * 32).strip() + "…"),
    ("contact.email", "hello@mini.example", "hello@mini.example"),
    ("contact.phone", "+1 415 555 0100", "+1 415 555 0100"),
    ("contact.vendors", [{"name": "Acme", "link": "https://acme.example"}, {"name": "Beta",
                                                                          "link": None}],
     "2 entries: Acme (https://acme.example); Beta"),
    ("contact.vendors", [{"name": "Acme", "link": None}], "1 entry: Acme"),
    ("policy.effective_date", date(2026, 11, 1), "November 1, 2026"),
])
def test_each_type_of_answer_reads_as_the_owner_saw_it(mini: Project, key: str, value: Any,
                                                       shown: str) -> None:
    assert answer_text(mini.questionnaire.entry(key).question, value) == shown


def test_one_entry_per_promise_in_document_order_with_clause_and_section(project: Project) -> None:
    found = promises(project)
    assert [(e.clause, e.section) for e in found] == [("main.promises", "main")] * 5 + [
        ("main.kiosks", "kiosks")]
    assert found[0].where() == "What we do › Our promises (main.promises)"
    assert found[-1].where() == "Kiosks › At the kiosk (main.kiosks)"


def test_the_text_is_plain_and_the_markdown_is_kept(project: Project) -> None:
    first = promises(project)[0]
    assert first.markdown == "We answer **within 30 days** when you are small."
    assert first.text == "We answer within 30 days when you are small."
    assert fragment_text(r"Up to \*5\* [people](<https://x.example>) see it.") == \
        "Up to *5* people see it."


def test_given_answers_show_their_labels_and_defaults_are_not_confirmed(project: Project) -> None:
    size, kinds, staff, vendors, notice, kiosk = promises(project)
    assert rests_on(size) == {"business.size": ("given", "Small")}
    assert rests_on(kinds) == {"business.kinds": ("given", "A shop, Kiosks")}
    # `business.staff` is not in the answers file: the promise stands on the default.
    assert rests_on(staff) == {
        "business.staff": ("default", "suggested default, not confirmed: 5")}
    assert staff.unconfirmed == ["business.staff"]
    assert rests_on(vendors) == {
        "business.about": ("not answered", "not answered"),
        "contact.vendors": ("given",
                            "2 entries: Acme Mail (https://acme.example/privacy); Beta Pay")}
    assert rests_on(notice)["policy.effective_date"] == ("given", "November 1, 2026")
    assert rests_on(kiosk) == {"business.kiosk_cards": ("given", "Yes")}


def test_a_confirmed_default_is_the_owners_and_a_hidden_question_is_not_asked(
        project: Project) -> None:
    staff = promises(project, ANSWERS.replace("  size: small\n", "  size: small\n  staff: 5\n"))[2]
    assert rests_on(staff) == {"business.staff": ("given", "5")}
    # No kiosks: `business.kiosk_cards` is hidden. Its clause's section is gone too, so a
    # promise resting on it can only be found in the model, here through the ledger builder.
    shop = ANSWERS.replace("[shop, kiosk]", "[shop]").replace("  kiosk_cards: true\n", "")
    assert [e.clause for e in promises(project, shop)][-1] == "main.promises"
    answers = ledger_answers(project, shop)
    basis = _answer("business.kiosk_cards", answers, set(answers.shown()), answers.resolved())
    assert (basis.status, basis.shown()) == ("not asked", "not asked")


def test_a_law_basis_is_named_from_the_data(project: Project) -> None:
    kinds = promises(project)[1]
    assert [(law.name, law.label) for law in kinds.laws] == [("law.big", "Big Business Act")]
    assert kinds.as_json()["laws"] == ["law.big"]


def test_lint_rejects_a_promise_on_a_law_with_no_name(tmp_path: Path) -> None:
    project = ledger_project(tmp_path)
    assert project.lint() == []
    laws = project.library_root / "laws.yaml"
    laws.write_text(laws.read_text().replace("  name: Big Business Act\n", ""))
    problems = [str(p) for p in Project.load(tmp_path / "questionnaire.yaml",
                                             project.library_root).lint()]
    assert problems == [f"{project.library_root / 'main' / 'promises.md.j2'}:9: main.promises: "
                        "promise rests on 'law.big', which laws.yaml gives no `name:`"]


def test_a_law_is_named_once_beside_its_test_in_laws_yaml() -> None:
    from drafter.library import law_names

    library = real_project().library
    assert "law_names" not in library.data  # once a second list that repeated the statutes
    names = law_names(library)
    assert {d.name: d.statute.statute for d in library.laws if d.statute}.items() \
        <= names.items()
    assert names["coppa"] == "Children's Online Privacy Protection Act (COPPA)"


# ---- review.md -------------------------------------------------------------------------------

def _table_rows(markdown: str) -> list[list[str]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows: list[list[str]] = []
    for i, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            rows[-1].append("".join(c.content for c in token.children or []
                                    if c.type in ("text", "code_inline")))
    return rows


def test_review_md_ends_with_the_promises_table(project: Project, tmp_path: Path) -> None:
    about = ANSWERS.replace("  size: small\n", "  size: small\n  about: Cards | cash *only*\n")
    result = build(project, ledger_answers(project, about), tmp_path, formats("md"))
    review = (result.folder / "review.md").read_text()
    assert review.index("## Warnings") < review.index(f"## {PROMISES_HEADING}")
    section = review[review.index(f"## {PROMISES_HEADING}"):]
    rows = _table_rows(section)
    assert rows[0] == ["#", "Promise", "Where", "Rests on"]
    assert len(rows) == 7 and all(len(r) == 4 for r in rows)  # a `|` typed stays in its cell
    assert rows[4][1] == "We never share it beyond 2 vendors (Cards | cash *only*)."
    assert rows[3][3] == "“How many staff?” (business.staff): suggested default, not confirmed: 5"
    assert rows[2][3] == ("“What do you do?” (business.kinds): A shop, Kiosks; "
                          "Big Business Act (law.big)")


# ---- DOCX ------------------------------------------------------------------------------------

def _appendix(path: Path) -> tuple[list[str], list[list[str]]]:
    """The headings and the last table of a DOCX, content controls included (python-docx's
    `paragraphs` and `tables` list only the body's own)."""
    doc = Document(str(path))
    body = doc.element.body
    paragraphs = [Paragraph(p, doc) for p in body.iter(qn("w:p"))
                  if p.getparent().tag != qn("w:tc")]
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    tables = [Table(t, doc) for t in body.iter(qn("w:tbl"))]
    rows = [[c.text for c in row.cells] for row in tables[-1].rows] if tables else []
    return headings, rows


def test_the_docx_ends_with_the_appendix_and_the_clean_copy_has_none(
        project: Project, tmp_path: Path) -> None:
    answers = ledger_answers(project)
    folder = build(project, answers, tmp_path / "counsel", formats("docx")).folder
    headings, rows = _appendix(folder / "privacy-policy.docx")
    assert headings[-1] == "Appendix: promises this policy makes"
    assert rows[0] == ["#", "Promise", "Where", "Rests on"]
    assert rows[1] == ["1", "We answer within 30 days when you are small.",
                       "What we do › Our promises (main.promises)",
                       "How big? Small (business.size)"]
    assert rows[4][3] == ("About you not answered (business.about)\nVendors? 2 entries: Acme "
                          "Mail (https://acme.example/privacy); Beta Pay (contact.vendors)")
    assert rows[2][3].endswith("Law: Big Business Act (law.big)")
    assert len(list(Document(str(folder / "privacy-policy.docx")).comments)) == 4  # the notes

    clean = build(project, answers, tmp_path / "clean", formats("docx"), clean=True).folder
    headings, rows = _appendix(clean / "privacy-policy.docx")
    assert headings[-1] == "At the kiosk" and rows == []
    assert len(list(Document(str(clean / "privacy-policy.docx")).comments)) == 0
    assert PROMISES_HEADING in (clean / "review.md").read_text()  # counsel still has it


def test_absorb_leaves_the_appendix_out(project: Project, tmp_path: Path) -> None:
    root = tmp_path / "out"
    folder = build(project, ledger_answers(project), root, formats("md,docx")).folder
    before = (folder / "privacy-policy.md").read_text()
    docx_path = folder / "privacy-policy.docx"

    assert main(["absorb", str(docx_path), "-o", str(root)]) == 0
    assert (folder / "privacy-policy.md").read_text() == before

    # Counsel types into the appendix anyway: nothing of it reaches the Markdown.
    doc = Document(str(docx_path))
    table = Table(next(doc.element.body.iter(qn("w:tbl"))), doc)
    table.rows[1].cells[1].paragraphs[0].runs[0].text = "We answer within 5 days."
    doc.save(str(tmp_path / "edited.docx"))
    assert main(["absorb", str(tmp_path / "edited.docx"), "-o", str(root)]) == 0
    assert (folder / "privacy-policy.md").read_text() == before

    # An editor that drops the content control (LibreOffice does) keeps the heading's bookmark.
    body = doc.element.body
    sdt = next(e for e in body if e.tag == qn("w:sdt") and b"drafter-promises" in tostring(e))
    for child in list(sdt[-1]):
        sdt.addprevious(child)
    body.remove(sdt)
    doc.save(str(tmp_path / "flattened.docx"))
    assert main(["absorb", str(tmp_path / "flattened.docx"), "-o", str(root)]) == 0
    assert (folder / "privacy-policy.md").read_text() == before


# ---- JSON and the CLI ------------------------------------------------------------------------

def _cli(project: Project, *args: str) -> list[str]:
    return ["--questionnaire", str(project.questionnaire.path), "--library",
            str(project.library_root), *args]


def test_review_json_has_the_promises_with_answers_and_not_without(
        project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(GIVEN)
    policy = tmp_path / "policy.md"
    policy.write_text("# Privacy Policy\n\nWe answer within 30 days.\n")
    main(_cli(project, "review", str(policy), "--answers", str(answers), "--format", "json",
              "--laws", "test"))
    data = json.loads(capsys.readouterr().out)
    assert data["promises"][0] == {
        "text": "We answer within 30 days when you are small.", "clause": "main.promises",
        "answers": ["business.size"], "laws": [],
        "markdown": "We answer **within 30 days** when you are small.", "section": "main",
        "unconfirmed": []}
    assert [p["answers"] for p in data["promises"]][1:4] == [
        ["business.kinds"], ["business.staff"], ["business.about", "contact.vendors"]]
    assert data["promises"][1]["laws"] == ["law.big"]
    main(_cli(project, "review", str(policy), "--format", "json", "--laws", "test"))
    assert "promises" not in json.loads(capsys.readouterr().out)


def test_the_manifest_has_the_same_promises_as_the_review(
        project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(GIVEN)
    assert main(_cli(project, "build", str(answers), "-o", str(tmp_path / "out"),
                     "--format", "md")) == 0
    (folder,) = (tmp_path / "out").iterdir()
    manifest = json.loads((folder / "drafter-manifest.json").read_text())
    capsys.readouterr()
    main(_cli(project, "review", str(folder / "privacy-policy.md"), "--answers", str(answers),
              "--format", "json", "--laws", "test"))
    assert manifest["promises"] == json.loads(capsys.readouterr().out)["promises"]
    assert len(manifest["promises"]) == 6


def test_an_old_manifest_without_promises_still_loads(tmp_path: Path) -> None:
    from drafter.manifest import MANIFEST_NAME, load_manifest

    project = ledger_project(tmp_path)
    folder = build(project, ledger_answers(project), tmp_path / "out", formats("md")).folder
    data = json.loads((folder / MANIFEST_NAME).read_text())
    del data["promises"]
    (folder / MANIFEST_NAME).write_text(json.dumps(data))
    loaded = load_manifest(folder)
    assert loaded is not None and loaded.promises == []


def test_drafter_promises_prints_the_ledger(project: Project, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(GIVEN)

    def run(*args: str) -> tuple[int, str, str]:
        """`drafter promises …` through the command's entry point, in this process."""
        code = main(_cli(project, *args))
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = run("promises", str(answers))
    assert code == 0, err
    assert out.startswith(f"{PROMISES_HEADING}: 6\n\n1. We answer within 30 days")
    assert "   rests on: How many staff? (business.staff): 5" in out
    (tmp_path / "suggested.yaml").write_text(ANSWERS)  # the staff count left at its suggestion
    code, _, err = run("promises", str(tmp_path / "suggested.yaml"))
    assert code == 2 and "business.staff: not answered" in err and "'5'" in err
    assert "   law: Big Business Act (law.big)" in out
    _, as_json, _ = run("promises", str(answers), "--format", "json")
    assert [p["clause"] for p in json.loads(as_json)["promises"]][-1] == "main.kiosks"
    _, as_md, _ = run("promises", str(answers), "--format", "markdown")
    assert as_md.startswith(f"## {PROMISES_HEADING}") and len(_table_rows(as_md)) == 7
    code, _, err = run("promises", str(tmp_path / "missing.yaml"))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_the_mini_library_without_promises_has_an_empty_ledger(mini: Project) -> None:
    draft = mini.draft(mini.answers(MINI / "answers.yaml"), today=TODAY)
    assert draft.promises == ()


NO_VENDORS = ANSWERS.replace('''  vendors:
    - {name: Acme Mail, link: "https://acme.example/privacy"}
    - {name: Beta Pay}
''', "")


def test_an_empty_list_the_owner_gave_is_their_answer_none(project: Project) -> None:
    """`vendors: []` in the answers file is the owner's "none" (the app counts it answered):
    counsel's ledger said "not answered", as if the owner had skipped the question. A list
    missing from the file is not answered, as the app counts it "to answer" until the owner
    saves `[]` (`drafter.answered`): nothing in the file says the owner saw it."""
    answers = ledger_answers(project, NO_VENDORS.replace("contact:\n", "contact:\n  vendors: []\n"))
    basis = _answer("contact.vendors", answers, set(answers.shown()), answers.resolved())
    assert (basis.status, basis.shown()) == ("given", "none")
    skipped = ledger_answers(project, NO_VENDORS)
    basis = _answer("contact.vendors", skipped, set(skipped.shown()), skipped.resolved())
    assert (basis.status, basis.shown()) == ("not answered", "not answered")


def test_only_an_optional_question_missing_is_left_empty(project: Project,
                                                         tmp_path: Path) -> None:
    """A question missing from the answers file is unconfirmed unless it is marked `optional`
    (`drafter.answered`, the app's rule too). The ledger once read any list not required as
    "left empty" (issue 15's trial: "Do you show other companies' ads?"), so counsel's ledger
    called complete what the owner's own progress still listed "to answer". Marked optional,
    the same list reads "none of these (left empty)" and is not unconfirmed; a long text
    marked optional reads "nothing to add"."""
    entry = next(e for e in promises(project, NO_VENDORS) if "contact.vendors" in rests_on(e))
    assert rests_on(entry) == {"business.about": ("not answered", "not answered"),
                               "contact.vendors": ("not answered", "not answered")}
    assert entry.unconfirmed == ["business.about", "contact.vendors"]
    optional = ledger_project(tmp_path, optional=("about", "vendors"))
    entry = next(e for e in promises(optional, NO_VENDORS) if "contact.vendors" in rests_on(e))
    assert rests_on(entry) == {
        "business.about": ("left empty", "nothing to add (left empty)"),
        "contact.vendors": ("left empty", "none of these (left empty)")}
    assert entry.unconfirmed == []


def test_every_promise_row_starts_with_a_capital_letter() -> None:
    """Issue 15: a promise may start mid-sentence in its clause ("When you pay by card at a
    kiosk, a card reader …"); the ledger's row is a sentence of its own. Every row of every
    example's ledger starts with a capital letter, and only that letter changes."""
    from drafter.ledger import sentence
    from drafter.paths import examples

    real = real_project()
    rows = [e for name in ("kiosk", "texas-small", "california-store")
            for e in real.draft(real.answers(examples()[name]), today=TODAY).promises or ()]
    assert rows and [e.text for e in rows if not e.text[:1].isupper()] == []
    card = next(e for e in rows if e.clause == "kiosks.card-payments")
    assert card.text.startswith("A card reader from or approved by our payment processor")
    assert card.markdown.startswith("a card reader")  # the policy's own words are kept
    assert sentence("we do not") == "We do not" and sentence("eBay sells") == "eBay sells"
    assert sentence("\u201cno\u201d means") == "\u201cNo\u201d means" and sentence("") == ""
