"""Redrafting the policy for the preview and notes off the typing path, one draft at a time.

Each change asks for a draft (`Redrafts.ask`); a draft already under way is never cancelled (it
runs in a thread, and cancelling the task that awaits it would neither stop the thread nor be
safe for the widgets it was about to change), it is followed by one more draft if anything
changed meanwhile. So a burst of keys costs at most two drafts, never one thread per key, and
the keys never wait for a draft.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from textual.dom import DOMNode


async def quiet_since(last: Callable[[], float], pause: float) -> None:
    """Wait until `pause` seconds have passed since `last()` (a `time.monotonic` moment that
    may move on meanwhile: each key moves it)."""
    while (wait := last() + pause - time.monotonic()) > 0:
        await asyncio.sleep(wait)


class Redrafts:
    """Runs `draft` (an async function) in a worker of `owner` whenever asked, coalescing the
    asks that come while a draft runs into one more run."""

    def __init__(self, owner: DOMNode, draft: Callable[[], Awaitable[None]]) -> None:
        self.owner = owner
        self.draft = draft
        self.asked = 0
        self.last = 0.0  # when last asked (`time.monotonic`)
        self.running = False

    def ask(self) -> None:
        self.asked += 1
        self.last = time.monotonic()
        if not self.running:
            self.running = True
            self.owner.run_worker(self._run(), group="preview", name="redraft")

    async def quiet(self, pause: float) -> None:
        """Wait until nothing has asked for a draft for `pause` seconds."""
        await quiet_since(lambda: self.last, pause)

    async def _run(self) -> None:
        try:
            while True:
                seen = self.asked
                await self.draft()
                if self.asked == seen:
                    return
        finally:
            self.running = False


class SaveOnPause:
    """Calls `save` (the answers file's write) once the owner has paused for `pause` seconds
    since the last `ask`: a worker of `owner` that waits out the typing, then saves once. Each
    key is already safe in the session's journal (`Session.keep`), so a burst of keys costs one
    write of the file instead of one per key; closing the app saves what is left."""

    def __init__(self, owner: DOMNode, save: Callable[[], None], pause: float) -> None:
        self.owner = owner
        self.save = save
        self.pause = pause
        self.last = 0.0
        self.running = False

    def ask(self) -> None:
        self.last = time.monotonic()
        if not self.running:
            self.running = True
            self.owner.run_worker(self._run(), group="save", name="save on pause")

    async def _run(self) -> None:
        try:
            await quiet_since(lambda: self.last, self.pause)
            self.save()
        finally:
            self.running = False
