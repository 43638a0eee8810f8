"""Decisions stay made: a note counsel resolved (with `drafter resolve`, or in Word) stays out of
the open notes across rebuilds until what it is about changes, then comes back marked."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from docx import Document
from docx.comments import Comment
from docx.document import Document as DocxDocument
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from drafter.cli import main
from drafter.decisions_file import Decision
from drafter.decisions import (
    BLOCKING_HEADING,
    ORPHANS_HEADING,
    RESOLVED_HEADING,

    decide,
    decisions_path,
    keyed,
    load_decisions,
    resolved_markdown,
    rule,
)
from drafter.document.model import Note, Policy, PolicySection, RenderedClause
from drafter.paths import examples

FOLDER = "parcel-point-kiosks-inc"
LINKS = "The privacy-policy links for these chosen companies"  # kiosk's R2, on sharing.service-providers
KEY = "answers.vendor-links-unchecked@sharing.service-providers?sharing.catalog"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_TODAY", "2026-12-01")


def _answers(tmp_path: Path) -> Path:
    """The kiosk, in English only and with its cameras taking video, not photos: its notes keep their
    numbers (R1 the app link, R2 the links note) without the Spanish version's note on
    untranslated answers or the advice on the sender's photos, which would come first."""
    path = tmp_path / "answers.yaml"
    text = examples()["kiosk"].read_text()
    for line in ("  languages: [english, spanish]\n", "  camera_capture: photo\n",
                 '  photo_faces: "no"\n'):
        assert line in text
    text = text.replace("  languages: [english, spanish]\n", "  languages: [english]\n")
    path.write_text(text.replace("  camera_capture: photo\n", "  camera_capture: video\n")
                    .replace('  photo_faces: "no"\n', ""))
    return path


def _build(answers: Path, out: Path) -> Path:
    assert main(["build", str(answers), "-o", str(out)]) == 0
    return out / FOLDER


def _sections(review: str) -> tuple[str, str]:
    """review.md cut in two: the open notes, and the resolved ones (and what follows)."""
    head, _, tail = review.partition(f"## {RESOLVED_HEADING}")
    return head, tail


def _comments(folder: Path) -> list[str]:
    return [c.text for c in Document(str(folder / "privacy-policy.docx")).comments]


def test_a_resolved_note_stays_resolved_across_two_rebuilds_and_comes_back_when_its_clause_changes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out = _answers(tmp_path), tmp_path / "out"
    folder = _build(answers, out)
    assert LINKS in _sections((folder / "review.md").read_text())[0]
    assert main(["resolve", "R2", str(answers), "--by", "Jane Counsel",
                 "--why", "Checked every link on 1 December."]) == 0
    [decision] = load_decisions(decisions_path(answers))
    assert (decision.note, decision.who, decision.via) == (KEY, "Jane Counsel", "command")
    assert decision.when == datetime(2026, 12, 1, tzinfo=timezone.utc)

    for _ in range(2):
        _build(answers, out)
        review = (folder / "review.md").read_text()
        open_part, resolved = _sections(review)
        assert LINKS not in open_part and "[R1]" in open_part
        assert LINKS in resolved
        assert "Decision: resolved by Jane Counsel on December 1, 2026 (with drafter " \
               "resolve). Why: Checked every link on 1 December." in resolved
        assert not any(LINKS in c for c in _comments(folder))
        assert LINKS not in (folder / "privacy-policy.md").read_text()

    # The clause the note is on changes (its answer, sharing.catalog, does not): it comes back.
    answers.write_text(answers.read_text().replace("provider_contracts: true",
                                                   "provider_contracts: false"))
    _build(answers, out)
    review = (folder / "review.md").read_text()
    assert RESOLVED_HEADING not in review
    assert "Reopened: the clause changed since this note was resolved on December 1, 2026. " \
           + LINKS in review
    assert any("Advice: Reopened: the clause changed" in c and LINKS in c for c in _comments(folder))
    assert len(load_decisions(decisions_path(answers))) == 1  # the record stays

    # Resolving it again (by its key, as numbers move) closes it again: the latest decision
    # wins, and both stay on record.
    capsys.readouterr()
    assert main(["resolve", KEY, str(answers), "--by", "Jane Counsel",
                 "--why", "Contracts clause reviewed."]) == 0
    assert len(load_decisions(decisions_path(answers))) == 2
    _build(answers, out)
    assert "Contracts clause reviewed." in _sections((folder / "review.md").read_text())[1]


def test_a_changed_answer_reopens_the_note_resting_on_it(tmp_path: Path) -> None:
    answers, out = _answers(tmp_path), tmp_path / "out"
    folder = _build(answers, out)
    assert main(["resolve", "R1", str(answers), "--by", "J", "--why", "App links later."]) == 0
    _build(answers, out)
    assert "link this policy from inside the mobile app" in \
        _sections((folder / "review.md").read_text())[1]
    answers.write_text(answers.read_text().replace("[aws, stripe,", "[aws, stripe, google_cloud,"))
    _build(answers, out)
    review = (folder / "review.md").read_text()
    assert "Reopened" not in _sections(review)[0]  # R1 rests on business.has_app alone
    assert main(["resolve", "R2", str(answers), "--by", "J", "--why", "Links checked."]) == 0
    answers.write_text(answers.read_text().replace("[aws, stripe, google_cloud,", "[aws, stripe,"))
    _build(answers, out)
    assert "Reopened: the clause, the note's words and the answer it rests on changed since" in \
        (folder / "review.md").read_text()


def _part(doc: DocxDocument, xml: str) -> None:
    part = Part(PackURI("/word/commentsExtended.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
                xml.encode(), doc.part.package)
    doc.part.relate_to(part, "http://schemas.microsoft.com/office/2011/relationships/commentsExtended")


def _para_id(comment: Comment, value: str) -> None:
    comment._comment_elm.xpath("./w:p")[-1].set(f"{{{W14}}}paraId", value)


def _resolved_in_word(folder: Path, tmp_path: Path, reply: str | None) -> Path:
    """Counsel's copy of the DOCX: Drafter's comment on R2 marked done (as Word writes it, in
    commentsExtended.xml), with counsel's reply saying why."""
    doc = Document(str(folder / "privacy-policy.docx"))
    [ours] = [c for c in doc.comments if c.text.startswith("[R2]")]
    _para_id(ours, "1A2B3C4D")
    entries = [("1A2B3C4D", {"done": "1"})]
    if reply is not None:
        anchor = doc.element.body.xpath(
            f'.//w:p[w:commentRangeStart[@w:id="{ours.comment_id}"]]')[0]
        runs = [r for r in doc.paragraphs if r._p is anchor][0].runs
        answer = doc.add_comment(runs, text=reply, author="A. Lawyer", initials="AL")
        answer._comment_elm.set(qn("w:date"), "2026-11-30T15:04:00Z")
        _para_id(answer, "5E6F7A8B")
        entries.append(("5E6F7A8B", {"paraIdParent": "1A2B3C4D", "done": "0"}))
    root = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
    for para, attrs in entries:
        etree.SubElement(root, f"{{{W15}}}commentEx",
                         {f"{{{W15}}}paraId": para,
                          **{f"{{{W15}}}{k}": v for k, v in attrs.items()}})
    _part(doc, etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode())
    edited = tmp_path / "counsel.docx"
    doc.save(str(edited))
    return edited


def test_a_comment_resolved_in_word_absorbs_into_a_decision(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out = _answers(tmp_path), tmp_path / "out"
    folder = _build(answers, out)
    edited = _resolved_in_word(folder, tmp_path, "Links checked by our paralegal.")
    capsys.readouterr()
    assert main(["absorb", str(edited), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Resolved [R2] (advice) by A. Lawyer: Links checked by our paralegal." in printed
    [decision] = load_decisions(decisions_path(answers))
    assert (decision.who, decision.why, decision.via, decision.number) == (
        "A. Lawyer", "Links checked by our paralegal.", "word", "R2")
    assert decision.when == datetime(2026, 11, 30, 15, 4, tzinfo=timezone.utc)
    # The reply is the decision's reason, not a comment of counsel's to carry on.
    assert "Links checked" not in (folder / "privacy-policy.md").read_text()

    _build(answers, out)
    resolved = _sections((folder / "review.md").read_text())[1]
    assert LINKS in resolved and "(in Word). Why: Links checked by our paralegal." in resolved
    assert not any(LINKS in c for c in _comments(folder))
    # Absorbing the same file again records nothing new: the decision stands.
    assert main(["absorb", str(edited), "-o", str(out)]) == 0
    assert len(load_decisions(decisions_path(answers))) == 1


def test_a_comment_resolved_without_a_reply_is_recorded_with_no_reason(tmp_path: Path) -> None:
    answers, out = _answers(tmp_path), tmp_path / "out"
    folder = _build(answers, out)
    doc_path = _resolved_in_word(folder, tmp_path, None)
    assert main(["absorb", str(doc_path), "-o", str(out)]) == 0
    [decision] = load_decisions(decisions_path(answers))
    assert decision.why == "" and decision.who  # the document's last author, or "counsel"
    _build(answers, out)
    assert "(in Word). Why: no reason given" in (folder / "review.md").read_text()


def test_a_decision_whose_note_is_gone_is_listed_not_deleted(tmp_path: Path) -> None:
    answers, out = _answers(tmp_path), tmp_path / "out"
    _build(answers, out)
    assert main(["resolve", "R1", str(answers), "--by", "J", "--why", "Not yet."]) == 0
    before = decisions_path(answers).read_text()
    answers.write_text(answers.read_text().replace("has_app: true", "has_app: false"))
    folder = _build(answers, out)
    review = (folder / "review.md").read_text()
    assert f"## {ORPHANS_HEADING}" in review
    assert "`answers.app-link?business.has_app` (was R1, advice)" in review
    assert "The decisions stay on record in `answers.decisions.yaml`." in review
    assert decisions_path(answers).read_text() == before


@pytest.mark.parametrize(("text", "where"), [
    ("decisions:\n  - note: x\n    severity: advice\n    message: m\n    who: ''\n"
     "    when: 2026-12-01\n    via: command\n    about: {}\n", "answers.decisions.yaml:5: decisions.0.who:"),
    ("decisions:\n  - note: x\n    severity: urgent\n    message: m\n    who: J\n"
     "    when: 2026-12-01\n    via: command\n    about: {}\n", "answers.decisions.yaml:3: decisions.0.severity:"),
    ("decisions:\n  - note: x\n    severity: advice\n    message: m\n    who: J\n"
     "    when: someday\n    via: command\n    about: {}\n", "answers.decisions.yaml:6: decisions.0.when:"),
    ("decisions: [\n", "answers.decisions.yaml:2: invalid YAML"),
])
def test_a_malformed_decisions_file_is_one_line_naming_file_line_and_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, where: str) -> None:
    answers = _answers(tmp_path)
    decisions_path(answers).write_text(text)
    assert main(["build", str(answers), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and where in err and "Traceback" not in err


def test_resolve_refuses_what_it_cannot_record(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    answers = _answers(tmp_path)
    assert main(["resolve", "R9", str(answers), "--by", "J", "--why", "x"]) == 2
    assert "NOTE: no note 'R9' in this draft's review (its notes: R1, R2)" in capsys.readouterr().err
    assert main(["resolve", "R1", str(answers), "--by", "J", "--why", " "]) == 2
    assert "--why: say why" in capsys.readouterr().err
    assert main(["resolve", "R1", "--example", "kiosk", "--by", "J", "--why", "x"]) == 2
    assert "copy the built-in example" in capsys.readouterr().err
    assert not decisions_path(answers).exists()


# ---- blocking notes, without a build ----------------------------------------------------------

def _policy(text: str) -> Policy:
    clause = RenderedClause("rights.requests", None, text, (), Path("rights/requests.md.j2"))
    return Policy("Privacy policy", "Acme", date(2026, 12, 1),
                  (PolicySection("rights", "Your rights", "your-rights", (clause,)),))


def test_counsel_may_resolve_a_blocking_note_and_the_record_shows_it() -> None:
    note = Note("R1", "blocking", "rights", "Say how people can appeal a refusal.", "requirement",
                requirement="colorado.appeal", anchor="rights.requests")
    policy = _policy("We reply within 45 days.")
    [item] = keyed([note], policy, {})
    decision = decide(item, "Jane Counsel", "Colorado law does not reach this business.",
                      datetime(2026, 12, 1, 9, tzinfo=timezone.utc), "command")
    ruling = rule([note], policy, {}, [decision])
    assert ruling.open == () and [d.note for d in ruling.resolved] == [note]
    lines = "\n".join(resolved_markdown(ruling, lambda n: f"- [{n.id}] {n.message}"))
    assert f"## {BLOCKING_HEADING}" in lines and f"## {RESOLVED_HEADING}" not in lines
    assert "Decision: resolved by Jane Counsel on December 1, 2026 (with drafter resolve). " \
           "Why: Colorado law does not reach this business." in lines

    # The clause is reworded: the blocking note is open again, and says why.
    changed = rule([note], _policy("We reply within 30 days."), {}, [decision])
    [back] = changed.open
    assert back.blocking and back.message.startswith("Reopened: the clause changed since")


def test_the_latest_decision_on_a_note_wins_and_is_kept_with_the_others() -> None:
    note = Note("R1", "advice", "other", "Words.", "answers.x", resolves_by="a.b")
    policy = _policy("Text.")
    [item] = keyed([note], policy, {"a.b": 1})
    old = Decision(note=item.key, severity="advice", message="Words.", who="A", why="old",
                   when=datetime(2026, 11, 1, tzinfo=timezone.utc), via="command",
                   about={**item.about, "note": "stale"})
    new = decide(item, "B", "new", datetime(2026, 12, 1, tzinfo=timezone.utc), "word")
    assert [d.decision.who for d in rule([note], policy, {"a.b": 1}, [old, new]).resolved] == ["B"]
    [reopened] = rule([note], policy, {"a.b": 1}, [new, old]).reopened
    assert "Reopened: the note's words changed" in reopened.note.message


def test_resolving_a_note_is_no_change_to_the_policy(tmp_path: Path) -> None:
    """Only the reviewer markers move: changes.md and publish see no change of text."""
    answers, out = _answers(tmp_path), tmp_path / "out"
    _build(answers, out)
    assert main(["resolve", "R2", str(answers), "--by", "J", "--why", "Links checked."]) == 0
    folder = _build(answers, out)
    assert "No change to the policy's text or practices." in (folder / "changes.md").read_text()


def test_an_open_proposal_never_takes_the_number_of_a_resolved_note(tmp_path: Path) -> None:
    """Resolved notes keep their numbers, so counsel's proposals are numbered after every note
    of the build: no two items in review.md share an R number."""
    import re

    answers, out = _answers(tmp_path), tmp_path / "out"
    folder = _build(answers, out)
    before = set(re.findall(r"\bR\d+\b", (folder / "review.md").read_text()))
    assert main(["resolve", "R1", str(answers), "--by", "Jane Counsel", "--why", "Fine."]) == 0
    policy = folder / "privacy-policy.md"
    text = policy.read_text()
    paragraph = next(p for p in text.split("\n\n") if p[:1].isalpha() and len(p) > 80)
    policy.write_text(text.replace(
        paragraph, paragraph + " {++ and nowhere else ++}{>>A. Lawyer, 2026-11-30T10:00:00Z<<}", 1))
    _build(answers, out)
    review = (folder / "review.md").read_text()
    proposal = [line for line in review.splitlines() if "Open proposal" in line]
    assert len(proposal) == 1
    [number] = re.findall(r"\bR\d+\b", proposal[0])[:1]
    assert number not in before  # not R1 (resolved) nor any other note's number
