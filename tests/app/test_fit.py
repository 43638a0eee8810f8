"""Accept what owners type, and fit 80x24 and a phone (issue 15, items 4 and 5), through the
real app with Pilot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Label, RadioButton, Select, SelectionList

from drafter.app.app import DrafterApp
from drafter.app.widgets.fields import QuestionField
from drafter.app.widgets.records import RecordRow
from tests.app.pilot_helpers import drawn, field, kept, open_section, settle

pytestmark = pytest.mark.asyncio
SIZE = (80, 24)

App = Callable[..., DrafterApp]


def below(app: DrafterApp, key: str) -> str:
    """The line under a field: its problem, or how its answer was stored."""
    return str(field(app, key).query_one(".problem", Label).render())


def saved(path: Path, key: str) -> object:
    return kept(path, key)


async def retype(app: DrafterApp, pilot: object, key: str, text: str) -> None:
    box = field(app, key).query_one(Input)
    box.focus()
    box.value = ""
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press(*text)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_a_bare_domain_is_saved_with_https_and_shown(make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await retype(app, pilot, "business.website", "parcelpoint.example")
        assert saved(tmp_path / "answers.yaml", "business.website") == (
            "https://parcelpoint.example")
        assert below(app, "business.website") == "Saved as https://parcelpoint.example"
        assert not field(app, "business.website").has_class("-invalid")
        assert field(app, "business.website").has_class("-saved")
        await pilot.press("tab")
        await pilot.pause()
        box = field(app, "business.website").query_one(Input)
        assert box.value == "https://parcelpoint.example"  # the box shows what is stored
    assert saved(tmp_path / "answers.yaml", "business.website") == "https://parcelpoint.example"


async def test_phone_numbers_are_taken_as_typed(make_app: App, tmp_path: Path) -> None:
    """Each way of writing a number, retyped in turn into one app's phone box (the box is
    emptied before each, as a separate app per number once did): every one is kept as typed."""
    app = make_app("kiosk")
    wrong = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "contact", "contact.phone")
        for typed in ("(702) 555-0142", "+44 20 7946 0958", "702.555.0142"):
            await retype(app, pilot, "contact.phone", typed)
            shown, stored = below(app, "contact.phone"), saved(tmp_path / "answers.yaml",
                                                               "contact.phone")
            if (shown, stored) != ("", typed):
                wrong.append((typed, shown, stored))
    assert wrong == []


async def test_a_refused_phone_says_why_under_the_field(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "contact", "contact.phone")
        await retype(app, pilot, "contact.phone", "555-01")
        message = below(app, "contact.phone")
        assert "7 to 15 digits" in message and "for example (702) 555-0142" in message
        assert field(app, "contact.phone").has_class("-invalid")
        await retype(app, pilot, "contact.phone", "702-555-0142 x12")
        assert below(app, "contact.phone") == "Saved as 702-555-0142 ext. 12"


async def test_a_vendor_kind_is_picked_from_a_list(make_app: App, tmp_path: Path) -> None:
    """The extra vendor's kind of service is a pick-list of labels, not a box for codes."""
    app = make_app("kiosk")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.vendors")
        row = field(app, "sharing.vendors").query_one(RecordRow)
        kind = row.query_one(Select)
        assert kind.value == "other"
        assert not [box for box in row.query(Input) if box.name == "category"]
        kind.focus()
        await pilot.press("enter")  # open the list
        await pilot.pause()
        await pilot.press("home", "down", "enter")  # the first kind of service (after blank)
        await pilot.pause()
        assert kind.value == "hosting"
        assert saved(tmp_path / "answers.yaml", "sharing.vendors")[0]["category"] == "hosting"
        assert below(app, "sharing.vendors") == ""


async def test_a_vendor_link_is_saved_with_https(make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_section(pilot, "sharing", "sharing.vendors")
        row = field(app, "sharing.vendors").query_one(RecordRow)
        link = next(box for box in row.query(Input) if box.name == "link")
        link.focus()
        await pilot.press(*"kfs.example/privacy")
        await pilot.pause()
        stored = saved(tmp_path / "answers.yaml", "sharing.vendors")[0]
        assert stored["link"] == "https://kfs.example/privacy"
        assert below(app, "sharing.vendors") == (
            "item 1, link to their privacy policy: saved as https://kfs.example/privacy")
        await pilot.press("tab")
        await pilot.pause()
        assert link.value == "https://kfs.example/privacy"


async def moved(pilot: Pilot[None]) -> None:
    """Wait until a focus change is drawn: the help panel's new text, then the scroll that
    keeps the focused field in view after it (the focus event, the field's Focused message,
    the refresh after which `keep_in_view` scrolls, and the refresh that draws the scroll)."""
    await drawn(pilot)


def in_view(app: DrafterApp) -> bool:
    """Whether the focused widget is wholly inside the form's visible part (not under the help
    panel, not scrolled off)."""
    focused = app.focused
    assert focused is not None
    form = app.screen.query_one("#form")
    return form not in focused.ancestors or form.content_region.contains_region(focused.region)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_focused_field_is_never_under_the_help(make_app: App,
                                                         size: tuple[int, int]) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for section in ("business", "contact", "cookies"):
            await open_section(pilot, section)
            await settle(pilot)
            for _ in range(12):
                await pilot.press("tab")
                await moved(pilot)
                assert in_view(app), (section, app.focused, app.focused.region, app.screen.query_one("#form").content_region, app.screen.query_one("#help").region)


async def test_the_focused_field_stays_in_view_when_the_form_shrinks(make_app: App) -> None:
    """The form's height changes under a focused field (the terminal shrinks, the help grows):
    the field is scrolled back into view, not left under the help panel."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.address")
        await moved(pilot)
        assert in_view(app)
        for size in ((80, 16), (60, 14), (80, 24)):
            await pilot.resize_terminal(*size)
            await moved(pilot)
            assert in_view(app), size
        app.screen.query_one("#help").update(" ".join(["A long help text."] * 30))
        await moved(pilot)
        assert in_view(app)


async def test_the_help_follows_the_focus_onto_buttons(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "business", "business.address")
        await pilot.pause()
        help_panel = app.screen.query_one("#help")
        assert "street address" in str(help_panel.render())
        await pilot.press("tab")  # from the last question to the Next button
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "next"
        assert "Enter opens the next section, Privacy contact" in str(help_panel.render())
        assert in_view(app)
        await pilot.press("shift+tab")  # back to the question: its help again
        await pilot.pause()
        assert "street address" in str(help_panel.render())
        # focused now, not on the app's next turn: one pause then lets the screen take the
        # focus message (with `focus()`, a loaded machine sometimes needed a second pause)
        app.screen.set_focus(app.screen.query_one("#sections"))
        await pilot.pause()
        assert str(help_panel.render()).startswith("Sections:")


def shown_lines(widget: Widget, inside: bool = False) -> list[str]:
    """The widget's lines as drawn on the screen (`inside` its border and padding)."""
    screen = widget.screen._compositor.render_strips()  # noqa: SLF001 - what the owner sees
    region = widget.content_region if inside else widget.region
    return [strip.text[region.x:region.right] for strip in screen[region.y:region.bottom]]


async def test_option_labels_wrap_instead_of_being_cut(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "cookies", "cookies.uses_cookies")
        await settle(pilot)
        buttons = [b for b in app.screen.query(RadioButton)
                   if all(a.display for a in b.ancestors_with_self)]
        long = [b for b in buttons if len(str(b.label)) > 45]
        assert long, "the cookies section has long choices"
        for button in buttons:
            button.scroll_visible(animate=False, immediate=True)
            await pilot.pause()
            drawn = " ".join(" ".join(shown_lines(button)).split())
            assert "…" not in drawn
            assert " ".join(str(button.label).split()) in drawn


@pytest.mark.parametrize("size", [SIZE, (40, 40)])
async def test_checklist_labels_wrap_instead_of_being_cut(make_app: App,
                                                          size: tuple[int, int]) -> None:
    """A checklist's long labels (one is 109 characters) are drawn whole on more lines, each
    with one tick box, at 80x24 and at a phone's 40 columns."""
    app = make_app("kiosk")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await open_section(pilot, "collection", "collection.sources")
        await moved(pilot)
        checklist = field(app, "collection.sources").query_one(SelectionList)
        assert app.focused is checklist and in_view(app)
        labels = [str(option.prompt) for option in checklist.options]
        assert max(map(len, labels)) > checklist.region.width, "a label longer than the list"
        for index, label in enumerate(labels):
            checklist.highlighted = index  # scrolls the list to it
            await pilot.pause()
            lines = shown_lines(checklist, inside=True)
            drawn = " ".join(" ".join(lines).split())
            assert "…" not in drawn
            assert " ".join(label.split()) in drawn
        wrapped = False
        for line in lines:  # one tick box an option, on its first line; the rest indented
            if line.startswith("▐"):
                assert any(label.startswith(line[4:].strip()) for label in labels), line
            else:
                assert not line[:4].strip(), line
                wrapped = True
        assert wrapped


async def test_the_overwrite_dialog_wraps_at_80x24(make_app: App, tmp_path: Path) -> None:
    from drafter.app.screens.export import ConfirmOverwrite

    app = make_app("kiosk")
    changed = [tmp_path / "output" / name for name in ("privacy-policy.md", "privacy-policy.docx",
                                                       "reviewer-notes.md")]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.push_screen(ConfirmOverwrite(changed))
        await pilot.pause()
        dialog = app.screen.query_one("#dialog")
        assert app.screen.region.contains_region(dialog.region)
        text = " ".join(" ".join(line.strip(" ▊▎▐▌█▀▄") for line in shown_lines(dialog)).split())
        assert "saves a backup of every other changed file in backups/ before replacing it" in text
        for path in changed:
            assert path.name in text
        for button in app.screen.query(Button):
            assert dialog.region.contains_region(button.region)


@pytest.mark.parametrize("width", [40, 45, 59])
async def test_a_phone_width_gives_the_form_the_whole_width(make_app: App, width: int) -> None:
    """At 375 px a browser shows about 45 columns: the sections stack above the form instead of
    taking a column, so the questions get the width (not 17 characters)."""
    app = make_app("kiosk")
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(pilot)
        form, sections = app.screen.query_one("#form"), app.screen.query_one("#sections")
        assert form.region.width >= width - 2
        assert sections.region.bottom <= form.region.y  # above it, a few rows high
        assert 0 < sections.region.height <= 5
        prompt = app.screen.query(".prompt").first()
        assert "…" not in " ".join(shown_lines(prompt))
        await open_section(pilot, "cookies")
        await moved(pilot)
        assert "Cookies and tracking" in " ".join(shown_lines(sections))  # where am I


@pytest.mark.parametrize("width", [40, 45])
async def test_tabbing_at_a_phone_width_keeps_the_focused_field_in_view(make_app: App,
                                                                       width: int) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(pilot)
        for _ in range(8):
            await pilot.press("tab")
            await moved(pilot)
            assert in_view(app), (app.focused, app.focused.region,
                                  app.screen.query_one("#form").content_region)


async def test_wider_than_a_phone_keeps_the_sections_beside_the_form(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form, sections = app.screen.query_one("#form"), app.screen.query_one("#sections")
        assert sections.region.right <= form.region.x and sections.region.height > 10


async def test_a_phone_shows_where_the_owner_left_off(make_app: App, tmp_path: Path) -> None:
    (tmp_path / ".answers.yaml.position.json").write_text(
        '{"section": "cookies", "question": "cookies.dnt"}\n')
    app = make_app("kiosk")
    async with app.run_test(size=(45, 36)) as pilot:
        await settle(pilot)
        await moved(pilot)
        sections = app.screen.query_one("#sections")
        assert "Cookies and tracking" in " ".join(shown_lines(sections))
        assert in_view(app)


@pytest.mark.parametrize("size", [(45, 36), SIZE, (100, 30)])
async def test_the_examples_are_never_cut_at_the_side(make_app: App,
                                                      size: tuple[int, int]) -> None:
    """A phone, 80x24 and a browser's 100 columns: at 100 the one row of twelve examples ran
    off the right edge after the sixth (the browser trial)."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        buttons = list(app.screen.query("#examples Button"))
        assert len(buttons) > 2
        # a phone scrolls down (the kinds of business now wrap, so the page is taller); what
        # must not happen is a button cut at the side, or one that scrolling cannot reach
        for button in buttons:
            button.scroll_visible(animate=False, immediate=True)
            await pilot.pause()
            assert app.screen.region.contains_region(button.region), button.label


@pytest.mark.parametrize("width", [45, 80])
async def test_a_short_checklist_shows_every_label_whole_without_scrolling(make_app: App,
                                                                           width: int) -> None:
    """The welcome's list of kinds of business: its height counts the wrapped lines at the
    width they are drawn in (beside the tick boxes), so nothing hides below a scrollbar."""
    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        checklist = app.screen.query_one(SelectionList)
        drawn = " ".join(" ".join(shown_lines(checklist, inside=True)).split())
        for option in checklist.options:
            assert " ".join(str(option.prompt).split()) in drawn
        assert checklist.max_scroll_y == 0


async def test_a_checklist_without_a_scrollbar_has_no_blank_row(make_app: App) -> None:
    """At 80x24 a few labels are just too long for the list's width less a scrollbar: counted
    beside a scrollbar that never came, each list kept a blank row under its last label (the
    kiosk trial). Every checklist of two sections, as drawn: no blank line inside it."""
    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        found = 0
        for section in ("collection", "sharing"):
            await open_section(pilot, section)
            for checklist in app.screen.query(SelectionList):
                question = checklist.parent
                if not (isinstance(question, QuestionField) and question.display
                        and question.key.startswith(f"{section}.")):
                    continue
                checklist.focus()  # scrolled into view
                await moved(pilot)
                lines = shown_lines(checklist, inside=True)
                assert all(line.strip() for line in lines), (question.key, lines)
                found += 1
        assert found >= 4


async def test_a_question_scrolled_to_shows_its_prompt_as_well_as_its_answer(
        make_app: App) -> None:
    """The terminal trial: Next opened "Cookies and tracking" from the bottom of a long
    kiosks page, and the first question's Yes/No showed with its prompt scrolled off the top
    (the owner saw "choose another." and two options, and no question). Scrolling to the
    question and then to its answer were each worked out from where the form was before
    either was made (Textual makes a scroll after the next refresh), so the second undid the
    first. Here the form is far below a focused first question, as it was after the switch."""
    from drafter.app.widgets.in_view import keep_in_view

    app = make_app("kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_section(pilot, "cookies")
        await settle(pilot)
        form = app.screen.query_one("#form")
        first = field(app, "cookies.uses_cookies")
        assert app.focused in first.query("*")
        form.scroll_to(y=form.max_scroll_y, animate=False, immediate=True)
        await pilot.pause()
        assert not form.content_region.contains_region(first.region)
        keep_in_view(app.screen)
        await moved(pilot)
        assert form.content_region.contains_region(first.region), (
            first.region, form.content_region)
