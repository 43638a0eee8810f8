"""Redrafting the policy for the preview and notes off the typing path, one draft at a time.

Each change asks for a draft (`Redrafts.ask`); a draft already under way is never cancelled (it
runs in a thread, and cancelling the task that awaits it would neither stop the thread nor be
safe for the widgets it was about to change), it is followed by one more draft if anything
changed meanwhile. So a burst of keys costs at most two drafts, never one thread per key, and
the keys never wait for a draft.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.dom import DOMNode


class Redrafts:
    """Runs `draft` (an async function) in a worker of `owner` whenever asked, coalescing the
    asks that come while a draft runs into one more run."""

    def __init__(self, owner: DOMNode, draft: Callable[[], Awaitable[None]]) -> None:
        self.owner = owner
        self.draft = draft
        self.asked = 0
        self.running = False

    def ask(self) -> None:
        self.asked += 1
        if not self.running:
            self.running = True
            self.owner.run_worker(self._run(), group="preview", name="redraft")

    async def _run(self) -> None:
        try:
            while True:
                seen = self.asked
                await self.draft()
                if self.asked == seen:
                    return
        finally:
            self.running = False
