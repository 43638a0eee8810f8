"""What a page's fields and links are judged to be (no browser: the judgement is Python)."""

from __future__ import annotations

import pytest

from drafter.evidence.collect import kind_of
from drafter.evidence.pageinfo import field_kind, forms, kind_of_link, links


@pytest.mark.parametrize("field, kind", [
    ({"type": "email", "name": "x"}, "email"),
    ({"type": "tel", "name": "x"}, "phone"),
    ({"type": "text", "name": "mobile_number"}, "phone"),
    ({"type": "text", "autocomplete": "cc-number"}, "card"),
    ({"type": "text", "name": "cardNumber"}, "card"),
    ({"type": "text", "autocomplete": "bday"}, "date_of_birth"),
    ({"type": "date", "name": "dob"}, "date_of_birth"),
    ({"type": "text", "label": "Date of birth"}, "date_of_birth"),
    ({"type": "text", "autocomplete": "postal-code"}, "address"),
    ({"type": "text", "name": "street_address"}, "address"),
    ({"type": "text", "name": "first_name"}, "name"),
    ({"type": "text", "label": "Your name"}, "name"),
    ({"type": "text", "name": "ssn"}, "government_id"),
    ({"type": "password", "name": "pw"}, "password"),
    ({"tag": "textarea", "name": "body"}, "message"),
    ({"type": "text", "name": "coupon"}, "other"),
    ({"type": "text", "name": "username"}, "other"),  # "name" inside a word is not a name
])
def test_field_kind(field: dict[str, str], kind: str) -> None:
    assert field_kind(field) == kind


def test_a_form_lists_each_kind_once_in_order() -> None:
    info = {"forms": [{"action": "/x", "fields": [{"type": "email"}, {"type": "tel"},
                                                   {"type": "email", "name": "again"}]}]}
    (form,) = forms(info, "https://shop.example/contact")
    assert form.fields == ["email", "phone"] and form.action == "/x"


@pytest.mark.parametrize("href, text, kind", [
    ("https://shop.example/legal/privacy", "Privacy", "privacy"),
    ("https://shop.example/p/123", "Privacy Policy", "privacy"),
    ("https://shop.example/ccpa", "Do Not Sell or Share My Personal Information",
     "do_not_sell"),
    ("https://shop.example/choices", "Your Privacy Choices", "do_not_sell"),
    ("https://shop.example/do-not-sell", "Opt out", "do_not_sell"),
    ("https://shop.example/about", "About us", None),
])
def test_kind_of_link(href: str, text: str, kind: str | None) -> None:
    assert kind_of_link(href, text) == kind


def test_links_are_absolute_without_fragments_and_web_only() -> None:
    info = {"links": [{"href": "/a#top", "text": "A"}, {"href": "mailto:x@y.z", "text": "m"},
                      {"href": "javascript:void(0)", "text": "j"}]}
    assert links(info, "https://shop.example/b/") == [("https://shop.example/a", "A")]


@pytest.mark.parametrize("resource, mime, frame, kind", [
    ("script", "", False, "script"), ("image", "", False, "pixel"), ("fetch", "", False, "xhr"),
    ("document", "", True, "iframe"), ("document", "", False, "document"),
    ("", "image/gif", False, "pixel"), ("", "application/javascript", False, "script"),
    ("", "application/octet-stream", False, "other"),
])
def test_request_kinds(resource: str, mime: str, frame: bool, kind: str) -> None:
    assert kind_of(resource, mime, frame) == kind
