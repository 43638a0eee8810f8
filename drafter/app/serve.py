"""`drafter serve`: the same app in a web browser, through textual-serve, safe by default.

Each browser session runs `python -m drafter edit FILE` on this machine. The page is our own
template (`web/templates/app_index.html`): the stock one links a web font from an outside
host, ours serves a bundled font, so the browser makes no request beyond this server.

Whoever reaches the WebSocket types into the app, so it is guarded like Jupyter's server:
- a random token made for this run is part of the URL printed on start; the page and the
  socket both require it (compared in constant time), so another user of this machine, or a
  web page that guesses the port, gets nothing;
- the socket accepts only a browser connection whose `Origin` is the served page itself
  (a page from another site, opened in the owner's browser, is refused);
- on a loopback address the `Host` must name this machine (`localhost`, `127.0.0.1`,
  `[::1]`), which defeats DNS rebinding; any other address is served only with a warning.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import shlex
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

WEB = Path(__file__).resolve().parent / "web"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
MIN_TOKEN = 16  # characters: a token chosen with --token must not be guessable


def is_loopback(host: str) -> bool:
    """Whether listening on `host` keeps the server to this machine."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _hostname(netloc: str) -> str:
    return (urlsplit(f"//{netloc}").hostname or "").lower()


class LocalServer(Server):
    """textual-serve with Drafter's page, a `/fonts/` route for the bundled font, and the
    token, Origin and Host checks described above."""

    def __init__(self, command: str, *, token: str, serving: str = "", **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.token = token
        self.serving = serving  # what the owner opens: the answers file, or an example
        self.loopback = is_loopback(self.host)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_static("/fonts", WEB / "fonts", name="fonts")
        # The socket's address carries the token in its path: textual.js appends
        # `?width=…&height=…` to whatever address the page gives it. The stock `/ws` route
        # reaches the same handler, which refuses it for want of a token.
        app.router.add_get("/ws/{token}", self.handle_websocket, name="session")
        return app

    def _host_allowed(self, request: web.Request) -> bool:
        return not self.loopback or _hostname(request.host) in LOOPBACK_NAMES

    def _token_ok(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def refusal(self, request: web.Request, token: str | None) -> str | None:
        """Why this request may not use the app, or None when it may."""
        if not self._host_allowed(request):
            return "unknown host name"
        if not self._token_ok(token):
            return "open the address `drafter serve` printed, with its token"
        return None

    def origin_allowed(self, request: web.Request) -> bool:
        """A browser always sends `Origin` with a WebSocket; it must be this very page."""
        origin = request.headers.get("Origin")
        return origin is not None and origin.lower() == f"{request.scheme}://{request.host}".lower()

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        problem = self.refusal(request, request.query.get("token"))
        if problem is not None:
            raise web.HTTPForbidden(text=f"Drafter: {problem}.\n")
        context: dict[str, Any] = await Server.handle_index.__wrapped__(  # type: ignore[attr-defined]
            self, request)
        scheme = "wss" if request.scheme == "https" else "ws"
        path = request.app.router["session"].url_for(token=self.token)
        context["app_websocket_url"] = f"{scheme}://{request.host}{path}"
        context["fonts_url"] = "/fonts/"
        return context

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        problem = self.refusal(request, request.match_info.get("token"))
        if problem is None and not self.origin_allowed(request):
            problem = "connections from other web pages are refused"
        if problem is not None:
            raise web.HTTPForbidden(text=f"Drafter: {problem}.\n")
        return await super().handle_websocket(request)

    def url(self) -> str:
        """The address to open, token included."""
        host = self.host if self.host not in ("", "0.0.0.0", "::") else "127.0.0.1"  # noqa: S104
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/?token={self.token}"

    async def on_startup(self, app: web.Application) -> None:
        what = f" {self.serving}" if self.serving else ""
        print(f"Drafter is serving{what} at\n\n    {self.url()}\n\n"
              "Open that address in a browser on this machine (it includes this run's token). "
              "Press Ctrl+C to stop.", flush=True)


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
          library: Path | None = None, example: str | None = None,
          token: str | None = None) -> int:
    from drafter.errors import UserError

    if token is not None and len(token) < MIN_TOKEN:
        raise UserError(f"a token must be at least {MIN_TOKEN} characters long",
                        field="--token")
    if not is_loopback(host):
        print(f"drafter: warning: serving on {host}, reachable from other machines. Anyone "
              "with the address and its token can read and change the answers, and the "
              "connection is not encrypted: use it only on a network you trust.",
              file=sys.stderr, flush=True)
    server = LocalServer(command(path, questionnaire, library, example),
                         token=token or secrets.token_urlsafe(24), host=host, port=port,
                         serving=(f"the example \u201c{example}\u201d" if example
                                  else str(path.resolve())),
                         title="Drafter", templates_path=WEB / "templates")
    server.serve()
    return 0
