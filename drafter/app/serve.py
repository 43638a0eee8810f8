"""`drafter serve`: the same app in a web browser, through textual-serve.

Each browser session runs `python -m drafter edit FILE` on this machine. The page is our own
template (`web/templates/app_index.html`): the stock one links a web font from an outside
host, ours serves a bundled font, so the browser makes no request beyond this server.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

WEB = Path(__file__).resolve().parent / "web"


class LocalServer(Server):
    """textual-serve with Drafter's page and a `/fonts/` route for the bundled font."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_static("/fonts", WEB / "fonts", name="fonts")
        return app

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        context: dict[str, Any] = await Server.handle_index.__wrapped__(  # type: ignore[attr-defined]
            self, request)
        context["fonts_url"] = "/fonts/"
        return context


def command(path: Path, questionnaire: Path | None, library: Path | None,
            example: str | None = None) -> str:
    """The command each browser session runs (a built-in example stays read-only there too)."""
    parts = [sys.executable, "-m", "drafter"]
    if questionnaire is not None:
        parts += ["--questionnaire", str(questionnaire.resolve())]
    if library is not None:
        parts += ["--library", str(library.resolve())]
    parts += ["--example", example] if example else ["edit", str(path.resolve())]
    return shlex.join(parts)


def serve(path: Path, *, host: str, port: int, questionnaire: Path | None = None,
          library: Path | None = None, example: str | None = None) -> int:
    server = LocalServer(command(path, questionnaire, library, example), host=host, port=port,
                         title="Drafter", templates_path=WEB / "templates")
    server.serve()
    return 0
