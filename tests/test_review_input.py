"""Issue 14, step 4: lose nothing of the input. Each kind of file that used to be dropped
silently (or read wrong) is read in full; an empty file or one in a language the review does
not cover stops with one line (exit 2). Fixtures are our own sentences."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.cli import main
from drafter.errors import UserError
from drafter.review import language, read_document

CLAIM = "Kestrel Books is certified under the EU-U.S. Privacy Shield Framework."


def text_of(path: Path) -> str:
    return read_document(path).text


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_declared_windows_1252_charset_is_honoured(tmp_path: Path) -> None:
    page = (b"<!doctype html><html><head><meta charset=windows-1252><title>Policy</title>"
            b"</head><body><p>Kestrel\x92s shop keeps your order \x96 and nothing else.</p>"
            b"</body></html>")
    text = text_of(write(tmp_path / "policy.html", page))
    assert "Kestrel\u2019s shop keeps your order \u2013 and nothing else." in text


def test_charset_in_http_equiv_is_honoured(tmp_path: Path) -> None:
    page = (b'<html><head><meta http-equiv="Content-Type" content="text/html; '
            b'charset=ISO-8859-1"></head><body><p>Caf\xe9 orders are kept.</p></body></html>')
    assert "Caf\u00e9 orders are kept." in text_of(write(tmp_path / "policy.htm", page))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_are_honoured(tmp_path: Path, suffix: str, encoding: str) -> None:
    body = f"<p>{CLAIM}</p>" if suffix == ".html" else CLAIM
    data = body.encode(encoding)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # utf-16-be writes no mark itself
        data = b"\xfe\xff" + data
    assert CLAIM in text_of(write(tmp_path / f"policy{suffix}", data))


def test_undeclared_latin_1_is_still_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="not UTF-8"):
        read_document(write(tmp_path / "policy.txt", b"Caf\xe9 orders are kept.\n"))


def test_body_after_an_unclosed_head_is_read(tmp_path: Path) -> None:
    page = (b"<html><head><title>Privacy</title><meta name=x content=y>\n"
            b"<h1>Privacy at Kestrel</h1>\n<p>" + CLAIM.encode() + b"</p>\n</html>")
    text = text_of(write(tmp_path / "policy.html", page))
    assert CLAIM in text and "Privacy at Kestrel" in text
    assert "Privacy\n" not in text.split("Privacy at")[0]  # the title stays out


def test_markdown_indented_four_spaces_is_text(tmp_path: Path) -> None:
    markdown = f"# Privacy\n\n    {CLAIM}\n    We keep orders for six years.\n"
    document = read_document(write(tmp_path / "policy.md", markdown.encode()))
    assert CLAIM in document.text
    assert document.blocks[-1].start == 3


def test_nested_docx_tables_are_read(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Privacy at Kestrel")
    outer = word.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Transfers"
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = CLAIM
    word.save(str(tmp_path / "policy.docx"))
    text = text_of(tmp_path / "policy.docx")
    assert "Transfers" in text and CLAIM in text


def test_markdown_front_matter_is_not_policy_text(tmp_path: Path) -> None:
    markdown = ("---\ntitle: Privacy\nredirect_from:\n  - /privacy-shield/\n---\n\n"
                "# Privacy\n\nWe keep orders for six years.\n")
    document = read_document(write(tmp_path / "policy.md", markdown.encode()))
    assert "redirect_from" not in document.text and "privacy-shield" not in document.text
    assert document.blocks[0].text == "Privacy" and document.blocks[0].start == 7


def review(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str, str]:
    code = main(["review", str(path), "--today", "2026-11-22"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("name", "data"), [
    ("empty.md", b""),
    ("blank.txt", b"\n  \n\t\n"),
    ("scripts.html", b"<html><head><script>var a = 1;</script></head><body></body></html>"),
    ("front-matter-only.md", b"---\ntitle: Privacy\n---\n"),
])
def test_an_empty_document_exits_2_with_one_line(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path, name: str, data: bytes) -> None:
    code, out, err = review(capsys, write(tmp_path / name, data))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no text to review" in err and name in err


# Spanish and French are read since issue 20 (tests/i18n/test_review_languages.py); German
# is not.
GERMAN = (
    "# Datenschutzerklärung\n\n"
    "Buchhandlung Turmfalke speichert Ihren Namen, Ihre Anschrift und Ihre E-Mail-Adresse, "
    "wenn Sie in unserem Laden ein Buch kaufen. Wir nutzen diese Daten nur, um Bestellungen zu "
    "versenden und Ihre Fragen zu beantworten. Wir verkaufen Ihre Daten an niemanden. Sie "
    "können eine Kopie Ihrer Daten verlangen oder sie löschen lassen, indem Sie uns schreiben.\n"
)


def test_a_policy_in_another_language_exits_2_with_one_line(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = review(capsys, write(tmp_path / "datenschutz.md", GERMAN.encode()))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "German" in err and "English, Spanish, French only" in err


def test_an_english_policy_with_foreign_names_is_reviewed(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = ("# Privacy\n\nLibrería Cernícalo S.L. (Calle Mayor 4, Zaragoza) sells books online. "
            "We keep your name and address to send your order, and we never sell them.\n")
    code, _, err = review(capsys, write(tmp_path / "policy.md", text.encode()))
    assert code in (0, 1) and err == ""


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=200)
       | st.text(alphabet="aAİßΣσς Éé'’-_1 \n", max_size=60))
def test_language_words_the_same_however_found(text: str) -> None:
    """The language check finds words in lower-cased ASCII with a cheaper pattern: always the
    words of the plain way (lowering a whole text would not be: a final Σ becomes ς)."""
    plain = [w.lower() for w in language._WORDS.findall(text)]
    assert language.words_of(text) == plain
