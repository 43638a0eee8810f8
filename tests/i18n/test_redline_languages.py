"""Once a version is published in a language, every build in that language writes its redline:
`privacy-policy.es.redline.docx`, the Spanish text now against the Spanish last published,
in Spanish pages (Word's language, draft marking, page footer), through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.cli import main
from drafter.paths import examples
from drafter.redline import REDLINE_DOCX, redline_name
from tests.test_tracked import _x

OLD_PHONE, NEW_PHONE = "+1 510 555 0142", "+1 510 555 0199"


def test_each_language_published_gets_its_redline(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    answers, out = tmp_path / "kiosk.yaml", tmp_path / "out"
    answers.write_text(examples()["kiosk"].read_text())  # serves people in Spanish too
    assert main(["build", str(answers), "-o", str(out), "--lang", "en,es"]) == 0
    folder = next(out.iterdir())
    spanish = folder / redline_name("es")
    assert spanish.name == "privacy-policy.es.redline.docx" and not spanish.exists()
    assert main(["publish", str(answers), "-o", str(out), "--date", "2026-11-01",
                 "--no-page-numbers", "--lang", "en,es"]) == 0
    answers.write_text(answers.read_text().replace(OLD_PHONE, NEW_PHONE))
    capsys.readouterr()
    assert main(["build", str(answers), "-o", str(out), "--lang", "en,es"]) == 0
    printed = capsys.readouterr().out
    assert str(folder / REDLINE_DOCX) in printed and str(spanish) in printed
    doc = Document(str(spanish))
    body = doc.element.body
    assert {"".join(_x(c, ".//w:t/text() | .//w:delText/text()"))
            for c in body.xpath(".//w:ins | .//w:del")} == {"0142", "0199"}
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Cómo comunicarse con nosotros" in text and "How to contact us" not in text
    assert doc.core_properties.language == "es"
    section = doc.sections[0]
    assert "Borrador" in section.header.paragraphs[0].text
    assert section.footer.paragraphs[0].text.startswith("Página")
    english = Document(str(folder / REDLINE_DOCX))
    assert english.core_properties.language == "en"
    assert "Page" in english.sections[0].footer.paragraphs[0].text

    # a build of the English alone leaves the Spanish redline as it was, and says nothing of it
    spanish.unlink()
    capsys.readouterr()
    assert main(["build", str(answers), "-o", str(out), "--lang", "en"]) == 0
    assert not spanish.exists() and str(spanish) not in capsys.readouterr().out


def test_a_new_date_alone_is_no_change_in_a_language(tmp_path: Path) -> None:
    """The effective date is masked in the language's own form ("27 novembre 2026"), as in
    English: the site's and changes.fr-CA.md's list of changes names only what changed."""
    answers, out, site = tmp_path / "answers.yaml", tmp_path / "out", tmp_path / "site"
    answers.write_text(examples()["quebec-firm"].read_text())
    common = ["-o", str(out), "--no-page-numbers", "--format", "md", "--lang", "en,es,fr-CA"]
    assert main(["publish", str(answers), "--date", "2026-11-27", *common]) == 0
    text = answers.read_text()
    assert "6 years, for tax records" in text
    answers.write_text(text.replace("6 years, for tax records", "7 years, for tax records"))
    assert main(["publish", str(answers), "--date", "2026-12-01", *common,
                 "--site", str(site)]) == 0
    for lang, section in (("fr-CA", "Combien de temps nous conservons les renseignements"),
                          ("es", "Cuánto tiempo conservamos la información")):
        changes = (site / lang / "changes.html").read_text()
        assert changes.count("<h3>") == 1 and section in changes, lang
    folder = next(out.iterdir())
    assert "Modifications de cette politique" not in (folder / "changes.fr-CA.md").read_text()
