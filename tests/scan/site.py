"""A fixture shop served from 127.0.0.1, with stand-ins for real trackers.

Chromium's `--host-resolver-rules` sends the real tracker host names (the catalog's) to this
server, and every other name nowhere, so a scan exercises the catalog and never leaves the
machine. The shop has Google Analytics, a Meta-style pixel (script, `_fbp` cookie, image
beacon), an Intercom chat widget (local storage), a consent banner that loads all of it
before any choice, a contact form asking for a phone number, a checkout form, a privacy page
and a "Do Not Sell or Share" link. `/slow` holds an image open until the test ends, so that
page never finishes loading; `/hang` never answers at all.

The trackers are loaded over https, as real sites load them, from a second server on its own
port with a certificate made for the test (Chromium started with `--ignore-certificate-errors`):
a recent Chromium build upgrades every host on its HSTS preload list (Google Analytics,
Facebook, Intercom) to https before any request, so a plain-http stand-in for them is never
reached (an older build, whose preload list has expired, still fetched them over http).
"""

from __future__ import annotations

import http.server
import ssl
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

TRACKERS = ("www.google-analytics.com", "connect.facebook.net", "www.facebook.com",
            "widget.intercom.io", "cdn.unknown-tracker.example.net")

HEAD = """<!doctype html><html><head><title>{title}</title>
<script>
  function load(src) {{
    const s = document.createElement('script');
    s.src = src;
    document.head.appendChild(s);
  }}
  function trackers() {{
    load('https://www.google-analytics.com/analytics.js');
    if (!(navigator.globalPrivacyControl && {honour_gpc})) {{
      load('https://connect.facebook.net/en_US/fbevents.js');
    }}
  }}
  if (!{wait_for_consent}) trackers();
</script>
<script src="https://widget.intercom.io/widget/abc123"></script>
<script src="https://cdn.unknown-tracker.example.net/t.js"></script>
</head><body>
<div id="cookie-banner" class="consent">We use cookies for analytics and ads.
  <button onclick="trackers()">Accept all</button> <button>Reject</button></div>
<nav>{nav}</nav>
"""
FOOT = """<footer><a href="/privacy">Privacy Policy</a>
<a href="/do-not-sell">Do Not Sell or Share My Personal Information</a>
<a href="https://example.org/elsewhere">A friend's shop</a></footer></body></html>"""
PAGES = {
    "/": "<h1>Shop</h1>",
    "/contact": """<form action="/send"><label>Your name <input name="name"></label>
      <input type="email" name="email"><label for="p">Phone</label><input id="p" name="p1">
      <textarea name="msg"></textarea><input type="submit"></form>""",
    "/checkout": """<form action="/pay"><input autocomplete="cc-number" name="n">
      <input name="street_address"><input name="dob" placeholder="Date of birth"></form>""",
    "/privacy": "<h1>Privacy</h1>",
    "/do-not-sell": "<h1>Your choices</h1>",
}
SCRIPTS = {
    ("www.google-analytics.com", "/analytics.js"):
        "document.cookie = '_ga=GA1.1.1.1; max-age=63072000; path=/';"
        "new Image().src = 'https://www.google-analytics.com/g/collect?v=2';",
    ("connect.facebook.net", "/en_US/fbevents.js"):
        "document.cookie = '_fbp=fb.1.1.1; max-age=7776000; path=/';"
        "new Image().src = 'https://www.facebook.com/tr/?id=1&ev=PageView';",
    ("widget.intercom.io", "/widget/abc123"):
        "localStorage.setItem('intercom.intercom-state', '{}');",
    ("cdn.unknown-tracker.example.net", "/t.js"): "",
}
GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
       b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


@dataclass
class Site:
    port: int
    tls_port: int = 0  # the trackers' https server
    honour_gpc: bool = False
    wait_for_consent: bool = False  # trackers load only once "Accept all" is clicked
    extra_pages: int = 0  # /page/1 … /page/N, a chain of plain pages
    requests: list[tuple[str, str, str | None]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def browser_args(self) -> tuple[str, ...]:
        rules = [f"MAP {host} 127.0.0.1:{self.tls_port}" for host in TRACKERS]
        return (f"--host-resolver-rules={', '.join(rules)}, MAP * ~NOTFOUND, "
                "EXCLUDE 127.0.0.1", "--ignore-certificate-errors")

    def page(self, path: str) -> str | None:
        body = PAGES.get(path)
        if path == "/slow":
            body = '<h1>Slow</h1><img src="/never.gif">'
        elif path.startswith("/page/") and path[6:].isdigit() \
                and 1 <= int(path[6:]) <= self.extra_pages:
            body = f"<p>Page {path[6:]}</p>"
        if body is None:
            return None
        nav = " ".join(f'<a href="{p}">{p}</a>' for p in ("/", "/contact", "/checkout"))
        if self.extra_pages:
            nav += " ".join(f' <a href="/page/{i}">{i}</a>'
                            for i in range(1, self.extra_pages + 1))
        return HEAD.format(title=path, nav=nav, honour_gpc=str(self.honour_gpc).lower(),
                           wait_for_consent=str(self.wait_for_consent).lower()) + body + FOOT


def _handler(site: Site) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            host = (self.headers.get("Host") or "").split(":")[0]
            path = self.path.split("?")[0]
            site.requests.append((host, path, self.headers.get("Sec-GPC")))
            if path in ("/never.gif", "/hang"):
                site.release.wait()  # until the test ends: the page never finishes loading
                return self._send(200, "image/gif", GIF)
            if host == "127.0.0.1":
                page = site.page(path)
                if page is not None:
                    return self._send(200, "text/html", page.encode())
            elif (host, path) in SCRIPTS:
                return self._send(200, "application/javascript", SCRIPTS[host, path].encode())
            elif host in TRACKERS:
                return self._send(200, "image/gif", GIF)
            self._send(404, "text/plain", b"not found")

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:  # the browser gave up on it
                pass

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(*, honour_gpc: bool = False, wait_for_consent: bool = False,
          extra_pages: int = 0) -> Iterator[Site]:
    site = Site(0, 0, honour_gpc, wait_for_consent, extra_pages)
    servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
               for _ in range(2)]
    servers[1].socket = _tls().wrap_socket(servers[1].socket, server_side=True)
    site.port, site.tls_port = (server.server_address[1] for server in servers)
    for server in servers:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield site
    finally:
        site.release.set()
        for server in servers:
            server.shutdown()
            server.server_close()


def _tls() -> ssl.SSLContext:
    """A server context with a self-signed certificate made now (openssl, as on any Debian)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as folder:
        cert, key = f"{folder}/cert.pem", f"{folder}/key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=trackers.test", "-keyout", key, "-out", cert],
                       check=True, capture_output=True)
        context.load_cert_chain(cert, key)
    return context
