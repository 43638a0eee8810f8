"""What one loaded page shows: its links, forms, consent banner and local storage.

The browser runs `PAGE_SCRIPT` (reading the DOM only: nothing is clicked, typed or submitted)
and returns plain attributes; the judgements (which field asks for what, which link is the
privacy policy) are made here in Python, where they are tested without a browser.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urldefrag, urljoin

from drafter.evidence.model import FieldKind, Form

PAGE_SCRIPT = """() => {
  const text = (el) => (el.innerText || el.textContent || '').trim().slice(0, 200);
  const label = (el) => {
    const byFor = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    const around = el.closest('label');
    return text(byFor || around || document.createElement('x'));
  };
  const fields = (root) => [...root.querySelectorAll('input, select, textarea')]
    .filter((el) => !['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type))
    .map((el) => ({tag: el.tagName.toLowerCase(), type: (el.type || '').toLowerCase(),
                   name: el.name || '', id: el.id || '', autocomplete: el.autocomplete || '',
                   placeholder: el.placeholder || '', label: label(el)}));
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const banner = [...document.querySelectorAll('div, section, aside, dialog, form, footer')]
    .filter((el) => /cookie|consent|gdpr|cmp|onetrust|cookiebot|didomi|usercentrics/i
      .test(el.id + ' ' + el.className + ' ' + (el.getAttribute('aria-label') || '')))
    .filter(visible)
    .some((el) => /cookie|consent|privacy/i.test(text(el)) &&
                  el.querySelector('button, a, input[type=button], input[type=submit]'));
  let storage = [];
  try { storage = Object.keys(window.localStorage); } catch (e) {}
  return {
    links: [...document.querySelectorAll('a[href]')].map((a) => ({href: a.href, text: text(a)})),
    forms: [...document.querySelectorAll('form')].map((f) => ({action: f.action || '',
                                                               fields: fields(f)})),
    banner: banner, storage: storage, origin: location.origin,
  };
}"""

# (kind, what in the field's attributes shows it), tried in order; the first that matches.
_AUTOCOMPLETE: tuple[tuple[FieldKind, str], ...] = (
    ("card", r"^cc-"), ("date_of_birth", r"^bday"), ("email", r"^email$"),
    ("phone", r"^tel"), ("address", r"address|postal-code|country|street"),
    ("password", r"password"), ("name", r"^(name|given-name|family-name|additional-name)$"),
)
_WORDS: tuple[tuple[FieldKind, str], ...] = (
    ("card", r"card|cc-?num|cvc|cvv|expir"),
    ("date_of_birth", r"birth|\bdob\b|bday"),
    ("government_id", r"\bssn\b|social security|passport|national.?id|tax.?id|driver"),
    ("email", r"e-?mail"),
    ("phone", r"phone|\btel\b|mobile|cell"),
    ("address", r"address|street|\bzip\b|postal|postcode|\bcity\b"),
    ("password", r"password"),
    ("name", r"\bname\b|first.?name|last.?name|full.?name|surname"),
)
_TYPES: dict[str, FieldKind] = {"email": "email", "tel": "phone", "password": "password"}


def field_kind(field: dict[str, str]) -> FieldKind:
    """The personal data a form field asks for, from its type, autocomplete, name, id,
    placeholder and label."""
    kind = _TYPES.get(field.get("type", ""))
    if kind is not None:
        return kind
    auto = field.get("autocomplete", "").lower()
    for kind, pattern in _AUTOCOMPLETE:
        if re.search(pattern, auto):
            return kind
    words = " ".join(field.get(k, "") for k in ("name", "id", "placeholder", "label"))
    words = re.sub(r"[_\-]", " ", words).lower()
    for kind, pattern in _WORDS:
        if re.search(pattern, words):
            return kind
    return "message" if field.get("tag") == "textarea" else "other"


def forms(info: dict[str, Any], page: str) -> list[Form]:
    found = []
    for form in info.get("forms") or []:
        kinds: list[FieldKind] = []
        for field in form.get("fields") or []:
            kind = field_kind(field)
            if kind not in kinds:
                kinds.append(kind)
        found.append(Form(page=page, action=str(form.get("action", "")), fields=kinds))
    return found


PRIVACY = re.compile(r"privacy (policy|notice|statement)|^privacy$|/privacy", re.I)
DO_NOT_SELL = re.compile(r"do not sell|do-not-sell|donotsell|your privacy choices|"
                         r"opt.?out of (the )?(sale|sharing)", re.I)


def links(info: dict[str, Any], base: str) -> list[tuple[str, str]]:
    """(address without fragment, text) of each http(s) link on the page."""
    found = []
    for link in info.get("links") or []:
        href = urldefrag(urljoin(base, str(link.get("href", ""))))[0]
        if href.startswith(("http://", "https://")):
            found.append((href, str(link.get("text", ""))))
    return found


def kind_of_link(href: str, text: str) -> str | None:
    """`do_not_sell`, `privacy` or None."""
    if DO_NOT_SELL.search(text) or DO_NOT_SELL.search(href):
        return "do_not_sell"
    if PRIVACY.search(text) or PRIVACY.search(href):
        return "privacy"
    return None
