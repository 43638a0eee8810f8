"""One lint for the whole library: the notice rules and the review checks are checked with
the clauses, and problems and warnings come from `Library.lint`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.paths import default_library
from drafter.project import Project


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "clauses"
    shutil.copytree(default_library(), root)
    return root


def test_a_broken_notice_file_is_a_lint_problem_with_its_line(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    notice = root / "notice.yaml"
    notice.write_text(notice.read_text() + "unknown_rule: true\n")
    loaded = Project.load(library=root)  # one load gives both the library and its questionnaire
    found = loaded.library.lint(loaded.questionnaire)
    lines = len(notice.read_text().splitlines())
    assert [str(p) for p in found.problems] == [
        f"{notice}:{lines}: unknown_rule: Extra inputs are not permitted"]


def test_drafter_lint_prints_problems_then_warnings_and_fails(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _copy(tmp_path)
    checks = root / "answer-checks.yaml"
    checks.write_text(checks.read_text().replace("resolves_by: ", "resolves_by: nowhere.", 1))
    clause = next(root.rglob("updates.md.j2"))
    clause.write_text(clause.read_text().replace("satisfies: [", "satisfies: [no.such, ", 1))
    assert main(["--library", str(root), "lint"]) == 1
    err = capsys.readouterr()
    lines = err.err.splitlines()
    assert "`satisfies` names unknown requirement 'no.such'" in lines[0]
    at = next(i for i, t in enumerate(clause.read_text().splitlines(), 1) if "no.such" in t)
    assert lines[0].startswith(f"{clause}:{at}: changes.updates: ")  # the `satisfies:` line
    assert lines[1].startswith("warning: ") and "nowhere." in lines[1]
    at = next(i for i, t in enumerate(checks.read_text().splitlines(), 1) if "nowhere." in t)
    assert lines[1].startswith(f"warning: {checks}:{at}: ")  # the `resolves_by:` line
    assert err.out.endswith(": 1 problem(s).\n")


def test_a_text_line_ending_in_a_block_tag_is_named_with_its_file_and_line(
        tmp_path: Path) -> None:
    """Under trim_blocks `…Framework.{% endif %}` eats its newline and glues the next list item
    to it; the author hears which line, and `+%}` (keep) or `-%}` (join) silences it."""
    root = _copy(tmp_path)
    clause = next(root.rglob("updates.md.j2"))
    text = clause.read_text()
    head = text[: text.index("\n---\n", 4) + 5]
    body = ("Intro.{% if true %} More.{% endif %}\n"     # glued: flagged
            "- item\n"
            "{% if true %}\n"                              # a tag alone: the usual case
            "- kept{% if true %}{% endif +%}\n"
            "- joined{% if true %}{% endif -%}\n"
            "- next {# a comment eats it too #}\n"         # flagged
            "- last{% if true %}{% endif %}\n"             # the next line says `{%-`
            "{%- if true %} on purpose.{% endif %}\n"      # flagged
            "{% endif %}\n")
    clause.write_text(head + body)
    for translation in clause.parent.glob("updates.*.md.j2"):  # their answers differ now
        translation.unlink()
    languages = root / "languages.yaml"  # so no language may be complete without them
    languages.write_text(languages.read_text().replace("status: complete", "status: partial"))
    first = head.count("\n") + 1
    project = Project.load(library=root)
    found = [str(p) for p in project.library.lint(project.questionnaire).problems]
    assert [line.split(": ")[0] for line in found] == [
        f"{clause}:{first}", f"{clause}:{first + 5}", f"{clause}:{first + 7}"]
    assert "write `+%}` to keep the break" in found[0]


def test_a_moved_value_that_is_no_answer_to_its_new_question_is_a_lint_problem(
        tmp_path: Path) -> None:
    """Checked by lint, not on every load (a validator built per load costs every command)."""
    source = Path(default_library()).parent / "questionnaires" / "privacy-policy.yaml"
    path = tmp_path / "privacy-policy.yaml"
    path.write_text(source.read_text().replace("values: {true: processor}",
                                               "values: {true: the-bank}"))
    project = Project.load(questionnaire=path)
    found = [str(p) for p in project.library.lint(project.questionnaire).problems]
    assert any("`moved` value 'the-bank' is not an answer to security.card_storage" in p
               for p in found), found


def test_detect_without_looks_for_is_a_lint_problem_at_its_detect_line(tmp_path: Path) -> None:
    """The review's "missing" note says what was looked for; without `looks_for` it would
    quote the regular expressions to counsel."""
    root = _copy(tmp_path)
    path = root / "requirements.yaml"
    text = path.read_text()
    start = text.index("- id: gdpr.dpo\n")
    looks = text.index("  looks_for: ", start)
    path.write_text(text[:looks] + text[text.index("\n", looks) + 1:])
    detect = text[:text.index("  detect:", start)].count("\n") + 1
    project = Project.load(library=root)
    found = [str(p) for p in project.library.lint(project.questionnaire).problems]
    assert found == [f"{path}:{detect}: gdpr.dpo: `detect` without `looks_for`: the missing "
                     "note would quote the patterns"]


@pytest.mark.parametrize(("pattern", "side"), [
    ("voice", "begin and end"),          # finds "invoice" and "voiceover"
    (r"\bINFORM", "end"),               # finds "information"
    (r"sources\b", "begin"),            # finds "resources"
    (r"(tracking )?pixel\b", "begin"),  # an optional first word does not make an edge
])
def test_a_detect_pattern_that_can_match_inside_a_word_is_a_lint_problem_at_its_line(
        tmp_path: Path, pattern: str, side: str) -> None:
    """Issue 14: `voice` found "invoice", `INFORM` found "information"; the class is any
    deciding pattern without word edges, so lint refuses it at its file and line."""
    root = _copy(tmp_path)
    path = root / "requirements.yaml"
    text = path.read_text()
    start = text.index("- id: gdpr.dpo\n")
    detect = text.index("  detect:", start)
    end = text.index("  looks_for:", detect)
    path.write_text(text[:detect] + f"  detect: ['{pattern}']\n" + text[end:])
    line = text[:detect].count("\n") + 1
    project = Project.load(library=root)
    found = [str(p) for p in project.library.lint(project.questionnaire).problems]
    assert len(found) == 1, found
    assert found[0].startswith(f"{path}:{line}: gdpr.dpo.detect: pattern can {side} inside a "
                               "word")


@pytest.mark.parametrize("pattern", [r"\bvoice(s|prints?)?\b", r"\bprofil[a-z]{0,15}\b",
                                     r"(^|\n\n)\s{0,20}effective\b", r"(?<![\w-])DNT(?!\w)",
                                     r"\bguarantee[sd]?\b.{0,40}\bsecure\b"])
def test_whole_word_patterns_pass(pattern: str) -> None:
    from drafter.review.word_edges import whole_words

    assert whole_words(pattern) == (True, True)


def test_every_deciding_pattern_of_the_library_matches_whole_words() -> None:
    project = Project.load()
    from drafter.review.word_edges import inside_words

    assert inside_words(project.library.review_rules, project.library.requirements) == []


def test_a_misspelt_name_in_any_condition_is_named_with_its_file_and_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One check (`templating.condition_problems`) for every file holding conditions: a clause
    (its text at the line using the name, and its `when` at the `when:` line, not the `id:`
    line), a section of
    document.yaml, the requirements, the vendor wording, the evidence checks (problems) and the
    answer checks (skipped: a warning)."""
    root = _copy(tmp_path)
    plants = [  # file, text, the same misspelt, the name misspelt
        ("nevada/sale.md.j2", "{{ contact.email |", "{{ contact.emial |", "contact.emial"),
        ("changes/updates.md.j2", "{{ policy.effective_date | long_date }}",  # body line 6
         "{{ policy.effective_dat | long_date }}", "policy.effective_dat"),
        ("rights/withdraw-consent.md.j2", "when: law.europe or", "when: law.eurpe or",
         "law.eurpe"),
        ("document.yaml", "when: law.europe\n", "when: law.eruope\n", "law.eruope"),
        ("requirements.yaml", "applies_when: law.us\n", "applies_when: law.uss\n", "law.uss"),
        ("vendor-practices.yaml", "when: cookies.advertising\n", "when: cookies.advertisin\n",
         "cookies.advertisin"),
        ("evidence-checks.yaml", "when: \"not cookies.advertising and",
         "when: \"not cookies.advertisng and", "cookies.advertisng"),
        ("answer-checks.yaml", "when: \"", "when: \"business.nmae and ", "business.nmae"),
    ]
    for name, text, misspelt, _ in plants:
        path = root / name
        before = path.read_text()
        assert text in before, name
        path.write_text(before.replace(text, misspelt, 1))
    assert main(["--library", str(root), "lint"]) == 1
    out = [o.removeprefix("warning: ") for o in capsys.readouterr().err.splitlines()]
    for name, _, misspelt, word in plants:
        lines = (root / name).read_text().splitlines()
        line = next(i for i, t in enumerate(lines, 1) if misspelt.strip() in t)
        assert [o for o in out if o.split(": ")[0] == f"{root / name}:{line}"
                and f"uses {word!r}" in o], (name, line, out)


def test_a_state_whose_law_counts_residents_left_out_of_the_residents_list_is_named(
        tmp_path: Path, project: Project) -> None:
    """state_residents.yaml lists by id the states the residents questions offer: a state
    left out could never reach its law's threshold, so lint names the statute's `state:`."""
    from drafter.lint import _lint_states
    from drafter.paths import default_questionnaire
    from drafter.questionnaire import load_questionnaire

    data = tmp_path / "data"
    shutil.copytree(default_library() / "data", data)
    listed = data / "state_residents.yaml"
    listed.write_text(listed.read_text().replace("- delaware\n", ""))
    questions = tmp_path / "questions.yaml"  # the bands' `offer` leave it out too
    questions.write_text(default_questionnaire().read_text().replace("delaware, ", ""))
    library = project.library
    found = [str(p) for p in _lint_states(library.laws, load_questionnaire(questions, data))]
    laws = (library.root / "laws.yaml").read_text().splitlines()
    at = next(i for i, t in enumerate(laws, 1) if t == "  state: delaware")
    assert found and all(p.startswith(f"{library.root / 'laws.yaml'}:{at}: delaware: `state` "
                                      "'delaware' is not an option of audience.residents_")
                         for p in found)


def test_a_band_offering_a_state_not_tested_at_its_number_is_named(
        tmp_path: Path, project: Project) -> None:
    """Each band offers exactly the states whose law has a test at its number: California
    offered at 175,000 would be asked twice for its one threshold (the trials: at 35,000 and
    again at 25,000); Maryland left out at 10,000 could never reach its law's test there."""
    from drafter.lint import _lint_states
    from drafter.paths import default_questionnaire
    from drafter.questionnaire import load_questionnaire

    text = default_questionnaire().read_text()
    assert "offer: [delaware, maryland, new_hampshire, rhode_island]" in text
    assert _lint_states(project.library.laws, load_questionnaire(default_questionnaire(),
                                                                  default_library() / "data")) == []
    questions = tmp_path / "questions.yaml"
    questions.write_text(text.replace("offer: [tennessee]", "offer: [tennessee, california]")
                         .replace("offer: [delaware, maryland, new_hampshire, rhode_island]",
                                  "offer: [delaware, new_hampshire, rhode_island]"))
    found = [str(p) for p in _lint_states(project.library.laws,
                                          load_questionnaire(questions, default_library() / "data"))]
    assert found == [
        f"{questions}: audience.residents_175k: offers 'california', whose law has no test at "
        "175,000: asked twice for one threshold",
        f"{questions}: audience.residents_10k: does not offer 'maryland', whose law has a test "
        "at 10,000"], found
