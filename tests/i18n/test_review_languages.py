"""The review reads the languages Drafter writes: a Spanish or French policy is checked with
that language's words for the outdated references and the required items, under the English
checks' ids and messages, and an advice note names what it could not check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from drafter.assemble import assemble
from drafter.build import render
from drafter.document.model import Draft, Note
from drafter.export import formats
from drafter.paths import examples
from drafter.project import Project
from drafter.review import review_document
from drafter.review.document import read_document
from tests.i18n.translated import LANGUAGES, TRANSLATED

TODAY = date(2026, 12, 1)
LAWS = ["general", "caloppa", "pipeda", "quebec"]


def _review(project: Project, tmp_path: Path, text: str, laws: list[str] = LAWS) -> list[Note]:
    path = tmp_path / "policy.md"
    path.write_text(text)
    return review_document(read_document(path), project.library, laws=laws, today=TODAY)


def _policy(project: Project, name: str, lang: str) -> str:
    policy = assemble(project.answers(examples()[name]), project.library, lang)
    return render(Draft(policy, ()), formats("md"))[".md"].decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_our_quebec_policy_meets_every_required_item_in_its_language(
        project: Project, tmp_path: Path, lang: str) -> None:
    notes = _review(project, tmp_path, _policy(project, "quebec-firm", lang))
    assert [n.check for n in notes if n.check in ("requirement", "coverage")
            or n.requirement] == []
    language = [n for n in notes if n.check == "language"]
    assert len(language) == 1 and language[0].severity == "advice"
    assert "pipeda.related-organizations" in language[0].message


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_policy_missing_an_item_gets_the_english_requirement_note(
        project: Project, tmp_path: Path, lang: str) -> None:
    """texas-small says nothing of Canada: in either language the Canadian items are missing,
    as they are in English; the note is the requirement's own, for counsel, in English."""
    notes = _review(project, tmp_path, _policy(project, "texas-small", lang))
    english = _review(project, tmp_path, _policy(project, "texas-small", "en"))
    missing = {n.requirement for n in notes if n.requirement}
    assert "pipeda.complaint" in missing and "quebec.transfer-outside" in missing
    assert missing <= {n.requirement for n in english if n.requirement}
    complaint = next(n for n in notes if n.requirement == "pipeda.complaint")
    assert complaint.message.startswith("Explain how to complain")


SPANISH = """# Política de privacidad

Esta política explica cómo Ejemplo S.A. trata su información personal. Recopilamos su nombre y
su correo electrónico. Usamos la información para prestar el servicio y la compartimos solo con
proveedores. Transferimos datos a Estados Unidos al amparo del Escudo de la Privacidad UE-EE. UU.
Protegemos la información con cifrado SSL. Comuníquese con nosotros en privacidad@ejemplo.com.
"""

FRENCH = """# Politique de confidentialité

Cette politique explique comment Exemple inc. traite vos renseignements personnels. Nous
recueillons votre nom et votre adresse courriel. Nous transférons des renseignements aux
États-Unis en vertu du bouclier de protection des données UE-États-Unis. Nous protégeons vos
renseignements au moyen du chiffrement SSL. Communiquez avec nous à vieprivee@exemple.ca.
"""


@pytest.mark.parametrize("text", [SPANISH, FRENCH], ids=["es", "fr"])
def test_outdated_references_are_found_in_spanish_and_french(
        project: Project, tmp_path: Path, text: str) -> None:
    checks = {n.check for n in _review(project, tmp_path, text, ["general"])}
    assert {"outdated.privacy-shield", "outdated.ssl"} <= checks


@pytest.mark.parametrize("text", [SPANISH, FRENCH], ids=["es", "fr"])
def test_history_in_the_language_is_not_a_claim(project: Project, tmp_path: Path,
                                                 text: str) -> None:
    told = text.replace("al amparo del Escudo de la Privacidad UE-EE. UU.",
                        "al amparo del Escudo de la Privacidad hasta 2020, cuando fue invalidado"
                        ).replace("en vertu du bouclier de protection des données UE-États-Unis",
                                  "en vertu du bouclier de protection des données, qui a été "
                                  "invalidé en 2020")
    checks = {n.check for n in _review(project, tmp_path, told, ["general"])}
    assert "outdated.privacy-shield" not in checks and "outdated.ssl" in checks


def test_an_english_policy_is_reviewed_as_before(project: Project, tmp_path: Path) -> None:
    notes = _review(project, tmp_path, _policy(project, "quebec-firm", "en"))
    assert not any(n.check == "language" for n in notes)


def test_examples_translated_are_the_ones_reviewed() -> None:
    assert set(TRANSLATED) <= set(examples())
