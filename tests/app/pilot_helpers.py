"""Waiting for the app in tests and benchmarks."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from textual.pilot import Pilot, WaitForScreenTimeout
from textual.widget import Widget
from textual.worker import WorkerCancelled

from drafter.answers_file import AnswersFile
from drafter.app.screens.editor import EditorScreen
from drafter.app.widgets.fields import QuestionField, field_id
from drafter.journal import journal_glob, read


def field(app: Any, key: str) -> QuestionField:
    """The field of the question `key` on the app's screen."""
    return app.screen.query_one(f"#{field_id(key)}", QuestionField)


def focused_key(app: Any) -> str | None:
    """The key of the question whose field holds the focus, if any."""
    widget = app.focused
    while widget is not None and not isinstance(widget, QuestionField):
        widget = widget.parent
    return widget.key if isinstance(widget, QuestionField) else None


def editor(app: Any) -> EditorScreen:
    """The app's screen, which must be the editor."""
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    return screen


async def settle(pilot: Pilot[Any], rounds: int = 2) -> None:
    """Let the app finish the work it has started (start-up workers, then the preview redraw
    they ask for). A redraw restarts itself on every change, so a worker being waited on may
    be cancelled in favour of a newer one: that is expected, and the newer one is waited for."""
    for _ in range(rounds):
        await pilot.pause()
        while True:
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                continue
    await pilot.pause()  # a draft is drawn in the preview's own loop, after its worker ends


async def open_section(pilot: Pilot[Any], section: str, key: str | None = None) -> None:
    """Show a section of the editor, focused on `key` (or its first question)."""
    screen = pilot.app.screen
    assert isinstance(screen, EditorScreen)
    await screen.show_section(section, key)
    await pilot.pause()


def kept(path: Path, key: str) -> Any:
    """The answer to `key` that would survive the app being killed now: the answers file's,
    unless a session's journal holds a later change (the file is written when typing pauses;
    each key is journaled at once, see `drafter.journal`)."""
    changes: dict[str, Any] = {}
    for journal in sorted(path.parent.glob(journal_glob(path)), key=lambda p: p.stat().st_mtime_ns):
        changes.update(read(journal))
    return changes[key] if key in changes else AnswersFile.open(path).get(key)


CPU_BUDGET = 30.0
"""Seconds of this process's processor time a wait for the screen may take (Textual's own wait
allows 30 s of the clock's)."""
LONGEST = 600.0
"""Seconds of the clock after which a wait gives up whatever it was given (a wait that never
uses the processor: something awaits what will never come)."""


def loop_ended(node: Any) -> bool:
    """Whether a node that was mounted no longer runs its message loop (a cancelled loop
    clears its task on the way out): it takes no more messages, and one queued is lost."""
    return bool(node._is_mounted) and (node._task is None or node._task.done())


def parked(node: Any) -> bool:
    """Whether a node's message loop is parked on its empty queue: it has handled every message
    queued before now, and the idle work after the last one (a node busy with a message, or
    with the idle work after it, is not parked, even with its queue empty). Such a node needs
    no callback to prove it: on the kiosk's editor some 120 of 130 nodes are parked at any
    wait, and each callback cost a message and an idle pass in every one of them, a third of
    an app test's processor time."""
    queue = node._message_queue
    return (queue.empty() and node._pending_message is None and not node._next_callbacks
            and any(not waiter.done() for waiter in queue.ready_event._waiters))


async def wait_for_screen(pilot: Pilot[Any], timeout: float = 30.0) -> bool:
    """Pilot's wait for the screen (every widget on it handles a callback queued behind what
    it already has, unless it is `parked` with nothing to handle), timed by the processor time this process was given, not the clock: on a
    machine shared by six helpers the app got about a sixth of a core, one wait in the
    fast-typing test took 9 s of the clock for 1.5 s of processor time, and a `WaitForScreen
    Timeout` after 30 s said only that the machine was busy. A widget whose message loop has
    ended (it will never handle the callback) fails the wait at once, by name."""
    app = pilot.app
    try:
        screen = app.screen
    except Exception:
        return False
    waiting: dict[int, Widget | Any] = {}
    caught_up = asyncio.Event()

    def handled(node: Any) -> None:
        waiting.pop(id(node), None)
        if not waiting:
            caught_up.set()

    for node in [app, *screen.walk_children(with_self=True)]:
        if not parked(node) and node.call_later(handled, node):
            waiting[id(node)] = node
    if not waiting:
        return True
    start, began = time.process_time(), time.monotonic()
    done, failed = (asyncio.create_task(caught_up.wait()),
                    asyncio.create_task(app._exception_event.wait()))
    try:
        while not (done.done() or failed.done()):
            await asyncio.wait({done, failed}, timeout=1.0,
                               return_when=asyncio.FIRST_COMPLETED)
            dead = [n for n in waiting.values() if n is not app and loop_ended(n)]
            assert not dead, f"these stopped taking messages, with one queued: {dead}"
            used, waited = time.process_time() - start, time.monotonic() - began
            if not (done.done() or failed.done()) and (used > CPU_BUDGET or waited > LONGEST):
                raise WaitForScreenTimeout(
                    f"{used:.1f} s of processor time ({waited:.0f} s of the clock) and these "
                    f"have not handled their messages: {list(waiting.values())}")
    finally:
        for task in (done, failed):
            task.cancel()
    return done.done()


def unsettled(app: Any) -> list[str]:
    """What the app has still to do or draw (empty: nothing): a node with messages or idle
    work, a callback waiting for the next refresh (`call_after_refresh`), a layout, scroll or
    paint not made yet, an animation running or scheduled."""
    screen = app.screen
    busy = [f"{node!r} has messages" for node in [app, *screen.walk_children(with_self=True)]
            if not parked(node)]
    if screen._callbacks:
        busy.append(f"{len(screen._callbacks)} callbacks after the refresh")
    busy += [flag for flag in ("_layout_required", "_scroll_required", "_repaint_required")
             if getattr(screen, flag)]
    if screen._dirty_widgets:
        busy.append(f"dirty: {screen._dirty_widgets}")
    if not app.animator._complete_event.is_set():
        busy.append("animations")
    return busy


async def drawn(pilot: Pilot[Any], most: int = 100) -> None:
    """Pause until the app has done, and drawn, everything it set out to do (`unsettled`):
    the exact condition a fixed number of pauses stood in for. A chain of work (a focus
    change, the help text it shows, the refresh after which the field is scrolled into view,
    the refresh that draws the scroll) takes as many pauses as it has hops, and no more."""
    for _ in range(most):
        await pilot.pause()
        busy = unsettled(pilot.app)
        if not busy:
            return
    raise AssertionError(f"the app is still busy after {most} pauses: {busy}")


async def build_all(screen: EditorScreen) -> None:
    """Every slice left to build or restyle, one after another, as the idle timer would run
    them (counting waits for the timer gave up under load: the pilot's own waits kept the
    screen from looking idle)."""
    while (section := screen._to_build()) is not None:
        async with screen._building:
            await screen._build_one(section)
