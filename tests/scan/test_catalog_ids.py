"""The vendor catalog's identifying keys (`hosts`, `cookies`, `packages`): matched as
documented, and checked by `drafter lint`."""

from __future__ import annotations

import shutil
from pathlib import Path

from drafter.evidence.catalog import catalog, catalog_problems
from drafter.paths import default_library
from tests.conftest import real_project


def test_hosts_cover_the_hosts_under_them_and_the_longest_wins() -> None:
    known = catalog(real_project().library.data)
    assert known.by_host("region1.google-analytics.com") == "google_analytics"
    assert known.by_host("google-analytics.com.evil.example") is None
    assert known.by_host("notgoogle-analytics.com") is None
    assert known.by_host("BAT.BING.COM.") == "microsoft_ads"
    assert known.by_cookie("_ga_ABC123") == "google_analytics"
    assert known.by_cookie("_gab") is None
    assert known.by_package("@sentry/react-native") == "sentry"
    assert known.by_package("com.google.firebase:firebase-analytics-ktx") == "google_analytics"


def test_the_keys_found_in_the_vendors_documentation_are_recognised() -> None:
    """Keys added on 2026-12-01 from the vendors' own pages (see their `# ids:` comments)."""
    known = catalog(real_project().library.data)
    assert known.by_cookie("_epik") == known.by_cookie("_derived_epik") == "pinterest_ads"
    assert known.by_cookie("__cflb") == known.by_cookie("__cfwaitingroom") == "cloudflare"
    assert known.by_cookie("_dc_gtm_UA-1234-1") == "google_analytics"
    assert known.by_cookie("_shopify_essential") == known.by_cookie("_shopify_y") == "shopify"
    assert known.by_host("api.smooch.io") == "zendesk"
    assert known.by_host("www.datadoghq-browser-agent.com") == "datadog"
    assert known.by_host("js.hscollectedforms.net") == known.by_host("js.hs-banner.com") \
        == "hubspot"
    assert known.by_package("@plausible-analytics/tracker") == "plausible"


def test_the_real_catalog_lints_clean() -> None:
    assert catalog_problems(default_library()) == []


def test_lint_names_line_and_field_of_a_bad_or_shared_key(tmp_path: Path) -> None:
    library = tmp_path / "clauses"
    (library / "data").mkdir(parents=True)
    source = default_library() / "data" / "vendors.yaml"
    text = source.read_text()
    text = text.replace("hosts: [plausible.io]", "hosts: [https://plausible.io]")
    text = text.replace("cookies: [_dd_s]", "cookies: [_dd_s, _gid]")
    (library / "data" / "vendors.yaml").write_text(text)
    problems = [str(p) for p in catalog_problems(library)]
    line = text[: text.index("hosts: [https://plausible.io]")].count("\n") + 1
    assert any(f"vendors.yaml:{line}: plausible.hosts.0: " in p and "not a lower-case host" in p
               for p in problems), problems
    assert any("datadog.cookies: '_gid' also identifies 'google_analytics'" in p
               for p in problems), problems
    assert len(problems) == 2
    shutil.rmtree(library)
