"""Opening never changes the answers file: the app writes only what the owner changes.

Values the form cannot show as they are (a list where text is asked, a YAML tag, an option
not offered) stay in the file, shown as errors beside their question; formatting and long
lines are kept; a symlinked file is written through to its target."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.app.app import DrafterApp
from drafter.app.screens.editor import EditorScreen
from drafter.editing import Session
from drafter.paths import examples
from drafter.project import Project
from drafter.schema import MODELINE
from tests.app.pilot_helpers import settle

ODD = (examples()["kiosk"].read_text()
       .replace("name: Parcel Point Kiosks, Inc.", "name: [a, b]")
       .replace("revenue: under_25m", "revenue: !foo under_25m")
       .replace("languages: [english, spanish]", "languages: [english, klingon]")
       .replace("  brand: Parcel Point\n", "  brand: Parcel Point\n  nickname: PP\n"))


async def visit_every_section(app: DrafterApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        for section in screen.visible_sections():
            await screen.show_section(section)
            await settle(pilot, rounds=1)


@pytest.mark.asyncio
async def test_opening_and_looking_through_changes_nothing(project: Project,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(ODD)
    app = DrafterApp(project, path, label=path.name, out_dir=tmp_path / "out")
    await visit_every_section(app)
    assert path.read_text() == ODD
    errors = app.session.errors
    assert {"business.name", "audience.revenue", "audience.languages"} <= set(errors)
    assert app.session.unknown() == ["business.nickname"]


@pytest.mark.asyncio
async def test_a_change_rewrites_only_its_own_line(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(ODD)
    session = Session.open(project, path)
    session.set("contact.email", "desk@parcelpoint.example")
    before, after = ODD.splitlines(), path.read_text().splitlines()
    assert len(before) == len(after)
    assert [(a, b) for a, b in zip(before, after, strict=True) if a != b] == [
        ("  email: privacy@parcelpoint.example", "  email: desk@parcelpoint.example")]


@pytest.mark.asyncio
async def test_a_symlinked_file_is_written_through(project: Project, tmp_path: Path) -> None:
    target = tmp_path / "real" / "answers.yaml"
    target.parent.mkdir()
    shutil.copyfile(examples()["kiosk"], target)
    link = tmp_path / "answers.yaml"
    link.symlink_to(target)
    session = Session.open(project, link)
    session.set("contact.email", "desk@parcelpoint.example")
    assert link.is_symlink()
    assert "email: desk@parcelpoint.example" in target.read_text()
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to(tmp_path / "real" / "new.yaml")
    session = Session.open(project, dangling)
    session.set("contact.email", "desk@parcelpoint.example")
    assert dangling.is_symlink()
    assert (tmp_path / "real" / "new.yaml").read_text() == MODELINE + (  # drafter.schema
        "contact:\n  email: desk@parcelpoint.example\n")


# -- the property: whatever the file holds, opening it and announcing what the form shows
# (as every widget does when it is mounted) writes nothing ------------------------------

SCALARS = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120),
    st.integers(-10**6, 10**6), st.booleans(), st.none(),
    st.sampled_from(["2026-11-01", "unsure", "yes", "no", "~", "kiosks", "'quoted'", "a: b"]),
)
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3),
                   st.dictionaries(st.sampled_from(["name", "x"]), SCALARS, max_size=2))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_open_and_announce_without_change_keeps_the_bytes(project: Project, tmp_path: Path,
                                                          data: st.DataObject) -> None:
    from ruamel.yaml.comments import CommentedMap

    from drafter.shown import presented
    from drafter.yamlio import dump_yaml

    keys = sorted(project.questionnaire.keys)
    chosen = data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=8, unique=True))
    doc = CommentedMap()
    for key in chosen:
        section, question = key.split(".", 1)
        doc.setdefault(section, CommentedMap())[question] = data.draw(VALUES)
    text = "# the owner's own comment\n" + dump_yaml(doc)
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    session = Session.open(project, path)
    for entry in project.questionnaire:
        shown = presented(entry.question, session.value(entry.key))
        if not session.unchanged(entry.key, shown):
            session.set(entry.key, shown)
    session.flush()
    assert path.read_text(encoding="utf-8") == text
