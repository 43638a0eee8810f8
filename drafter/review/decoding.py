"""Bytes of a policy file as text: a byte-order mark (UTF-8, UTF-16, UTF-32) wins, then the
charset an HTML page declares (`<meta charset>` or `http-equiv` Content-Type, found with the
standard library's HTML parser in the page's first bytes), then UTF-8; anything else is a
one-line error naming the line."""

from __future__ import annotations

import codecs
from pathlib import Path

from drafter.errors import UserError
from drafter.yamlio import decode_text

# Longest first: a UTF-32 little-endian mark begins with the UTF-16 one.
_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
          (codecs.BOM_UTF16_BE, "utf-16"))
# Labels a browser reads otherwise than Python would (WHATWG Encoding Standard, §4.2).
_AS_BROWSERS_DO = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                   "us-ascii": "cp1252", "ascii": "cp1252", "utf-16": "utf-8",
                   "utf-16le": "utf-8", "utf-16be": "utf-8"}
_PRESCAN = 1024  # bytes of a page in which a browser looks for the declaration


def declared_charset(data: bytes) -> str | None:
    """The codec an HTML page declares in its first bytes, as a browser reads the label."""
    from drafter.review.html_text import Declared  # html.parser: only for HTML files

    found = Declared()
    found.feed(data[:_PRESCAN].decode("latin-1"))  # every byte one character: safe to scan
    label = (found.charset or "").strip().lower()
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _AS_BROWSERS_DO.get(label, _AS_BROWSERS_DO.get(name, name))


def decode_document(data: bytes, path: Path, html: bool = False) -> str:
    """Text of a policy file (see the module's docstring)."""
    for mark, codec in _MARKS:
        if data.startswith(mark):
            return _decode(data, codec, path)
    codec = declared_charset(data) if html else None
    if codec is not None and codec not in ("utf-8", "utf_8"):
        return _decode(data, codec, path)
    return decode_text(data, path, "text")


def _decode(data: bytes, codec: str, path: Path) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(f"is not {codec} text, as its byte-order mark or charset says",
                        path=path, line=line) from None
