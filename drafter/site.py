"""`drafter publish --site DIR`: the published policy as pages a website hosts itself.

From the versions `drafter publish` kept (`history/`, never the working draft), without the
reviewer's markers and notes:

- `index.html`: the current policy, with links to the archive and to what changed;
- `versions/index.html`: every published version by effective date, newest first;
- `versions/<version>.html`: each version as it was published (an old one says it was
  replaced, and links to the current one);
- `changes.html`: for each version after the first, the sections it changed, with the
  sentences removed and added, linked to both versions.

Every link is relative, so the folder works wherever it is served from (or opened from disk).
The same pages go as Markdown with front matter (`title`, `date`) into `DIR/markdown/`, with
relative links to the `.md` pages, for an MkDocs, Jekyll or Hugo site's content folder.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from datetime import date
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.changes import DATE_MASK
from drafter.document.markdown import fragment_text, inline_text, parse, render_html
from drafter.document.provenance import parse_clause_comment, parse_counsel_comment
from drafter.errors import UserError
from drafter.export.html import STYLE, travelling
from drafter.history import Published, published_versions
from drafter.i18n import ENGLISH
from drafter.i18n.catalog import SiteLabels, catalog
from drafter.templating import escape_markdown, long_date
from drafter.yamlio import atomic_write

if TYPE_CHECKING:
    from drafter.library import Library

VERSIONS = "versions"
MARKDOWN = "markdown"
SITE_STYLE = STYLE + """
nav.site { font-size: 0.95rem; color: var(--muted); margin: 0 0 2rem;
  padding-bottom: 0.75rem; border-bottom: 1px solid var(--rule); }
nav.site a { margin-right: 1rem; }
.replaced { background: #fff8c5; border: 1px solid #d4a72c; padding: 0.75rem 1rem; }
del { color: #82071e; } ins { color: #116329; text-decoration: none; }
@media print { nav.site { display: none; } }
"""
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")
_CELL_BORDER = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    lines: tuple[str, ...]  # its Markdown lines (the heading's own, blank lines, comments: out)


@dataclass(frozen=True)
class SectionChange:
    anchor: str
    title: str
    kind: str  # added, removed, changed
    removed: tuple[str, ...]
    added: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    path: str  # relative to the site folder, `/`-separated, without suffix
    title: str
    date: date
    html: str  # the body inside <main>, links relative to the page
    markdown: str  # the body in Markdown, links to `.md` pages
    lang: str = ENGLISH


@dataclass(frozen=True)
class Words:
    """What a language's pages say around the policy, and how its dates are written."""

    lang: str = ENGLISH
    locale: str | None = None  # Babel's; None: the library's own English
    labels: SiteLabels = SiteLabels()
    others: tuple[tuple[str, str, str], ...] = ()  # the other versions: (lang, name, prefix)

    def long(self, day: date) -> str:
        return long_date(day, self.locale)


def language_folder(lang: str) -> str:
    """Where a language's pages go in the site: English at its root, `es/` for Spanish."""
    return "" if lang == ENGLISH else f"{lang}/"


def languages_words(library: Library, langs: Sequence[str]) -> list[Words]:
    """The words of each language's pages (English first), each linking to the others."""
    found = catalog(library)
    names = {lang: "English" if lang == ENGLISH else found.language(lang).own_name
             for lang in langs}
    out = []
    for lang in langs:
        up = "" if lang == ENGLISH else "../"
        others = tuple((other, names[other], up + language_folder(other))
                       for other in langs if other != lang)
        if lang == ENGLISH:
            out.append(Words(others=others))
            continue
        spec = found.language(lang)
        if spec.site is None:
            raise UserError(f"no {spec.name} words for the site's pages (`site:` in "
                            "languages.yaml)", path=found.path, field=f"languages.{lang}.site")
        out.append(Words(lang, spec.locale, spec.site, others))
    return out


def write_site(folder: Path, site: Path, words: Words = Words()) -> list[Path]:
    """Write the site for the policy built in `folder`, in `words.lang`, into `site` (a
    language other than English into `site/<lang>/`); the files written."""
    versions = published_versions(folder, words.lang, words.locale)
    if not versions:
        raise UserError("nothing published yet: the site shows published versions only "
                        "(`drafter publish` keeps one)", path=folder)
    pages = site_pages(versions, words)
    written = []
    root = site / language_folder(words.lang)
    for page in pages:
        for path, text in ((root / f"{page.path}.html", _html_file(page, words)),
                           (site / MARKDOWN / language_folder(words.lang) /
                            f"{page.path}.md", _markdown_file(page))):
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                atomic_write(path, text)
            except OSError as exc:
                raise UserError(f"cannot write: {exc.strerror or exc}", path=path) from None
            written.append(path)
    return written


def site_pages(versions: list[Published], words: Words = Words()) -> list[Page]:
    current = versions[-1]
    business = current.manifest.business_name
    pages = [_policy_page("index", current, None, business, "", words)]
    for i, version in enumerate(versions):
        successor = versions[i + 1] if i + 1 < len(versions) else None
        pages.append(_policy_page(f"{VERSIONS}/{version.folder.name}", version, successor,
                                  business, "../", words))
    pages.append(_archive_page(versions, business, words))
    pages.append(_changes_page(versions, business, words))
    return [replace(page, lang=words.lang) for page in pages]


# ---- what changed --------------------------------------------------------------------------

def sections(version: Published) -> list[Section]:
    """The policy's sections (second-level headings), its effective date masked: a new date
    alone changes no section."""
    text = version.version().masked()
    lines = text.splitlines()
    tokens = parse(text)
    starts = [(t.map[0], str(t.attrs.get("id", "")), inline_text(tokens[i + 1]))
              for i, t in enumerate(tokens)
              if t.type == "heading_open" and t.tag == "h2" and t.map is not None]
    found = []
    for n, (start, anchor, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = tuple(line for line in lines[start + 1:end]
                     if line.strip() and not _COMMENT.match(line))
        if anchor != "contents":
            found.append(Section(anchor, title, body))
    return found


def section_changes(old: Published, new: Published) -> list[SectionChange]:
    """Which sections `new` added, removed or changed from `old`, in `new`'s order (removed
    ones where they were), each with the lines removed and added."""
    before = {s.anchor: s for s in sections(old)}
    after = sections(new)
    out: list[SectionChange] = []
    for section in after:
        was = before.pop(section.anchor, None)
        if was is None:
            out.append(SectionChange(section.anchor, section.title, "added", (), section.lines))
        elif was.lines != section.lines:
            removed, added = _line_changes(was.lines, section.lines)
            out.append(SectionChange(section.anchor, section.title, "changed", removed, added))
    out.extend(SectionChange(s.anchor, s.title, "removed", s.lines, ()) for s in before.values())
    return out


def _line_changes(old: tuple[str, ...], new: tuple[str, ...]
                  ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new,
                                                       autojunk=False).get_opcodes():
        if tag != "equal":
            removed.extend(old[i1:i2])
            added.extend(new[j1:j2])
    return tuple(removed), tuple(added)


def _shown(line: str, version: Published, words: Words) -> str | None:
    """A changed Markdown line as a reader sees it: its text (a table row's cells joined by
    dashes), the date put back; None for a table's rule row, which says nothing."""
    line = line.strip()
    if _TABLE_RULE.match(line):
        return None
    if line.startswith("|"):
        cells = _CELL_BORDER.split(line.strip("|"))
        text = " — ".join(fragment_text(c.strip()) for c in cells if c.strip())
    else:
        text = fragment_text(line.lstrip("#>*-+ ").strip())
    return text.replace(DATE_MASK, words.long(version.manifest.effective_date))


# ---- pages -------------------------------------------------------------------------------

def _nav(up: str, here: str, words: Words) -> tuple[str, str]:
    """Links to the site's other pages and, on the current policy, to its other languages'."""
    said = words.labels
    links = [(said.current, f"{up}index"), (said.versions, f"{up}{VERSIONS}/index"),
             (said.changes, f"{up}changes")]
    links = [(label, target) for label, target in links if target != f"{up}{here}"]
    if here == "index" and not up:
        links += [(name, f"{prefix}index") for _, name, prefix in words.others]
    html = " ".join(f'<a href="{target}.html">{escape(label)}</a>' for label, target in links)
    md = " · ".join(f"[{escape_markdown(label)}]({target}.md)" for label, target in links)
    return f'<nav class="site">{html}</nav>\n', f"{md}\n\n"


def _policy_page(path: str, version: Published, successor: Published | None, business: str,
                 up: str, words: Words) -> Page:
    said = words.labels
    text = version.version().plain
    body = render_html(travelling(parse(text)))
    nav_html, nav_md = _nav(up, "index" if not up else "", words)
    when = version.manifest.effective_date
    note_html = note_md = ""
    if successor is not None:
        replaced = said.replaced.format(took=words.long(when),
                                        replaced=words.long(successor.manifest.effective_date))
        note_html = (f'<p class="replaced">{escape(replaced)} <a href="{up}index.html">'
                     f"{escape(said.read_current)}</a>.</p>\n")
        note_md = (f"> {escape_markdown(replaced)} [{escape_markdown(said.read_current)}]"
                   f"({up}index.md).\n\n")
    title = said.title_current.format(business=business) if successor is None and not up \
        else said.title_version.format(business=business, date=words.long(when))
    return Page(path, title, when, nav_html + note_html + body,
                nav_md + note_md + _public(text))


def _archive_page(versions: list[Published], business: str, words: Words) -> Page:
    said = words.labels
    nav_html, nav_md = _nav("../", f"{VERSIONS}/index", words)
    items_html, items_md = [], []
    for n, version in enumerate(reversed(versions)):
        name, when = version.folder.name, words.long(version.manifest.effective_date)
        label = said.current_mark.format(date=when) if n == 0 else when
        items_html.append(f'<li><a href="{name}.html">{escape(label)}</a></li>')
        items_md.append(f"- [{escape_markdown(label)}]({name}.md)")
    title = said.title_versions.format(business=business)
    html = (f"{nav_html}<h1>{escape(title)}</h1>\n<p>{escape(said.versions_intro)}</p>\n"
            "<ul>\n" + "\n".join(items_html) + "\n</ul>\n")
    md = (f"{nav_md}# {escape_markdown(title)}\n\n{escape_markdown(said.versions_intro)}\n\n"
          + "\n".join(items_md) + "\n")
    return Page(f"{VERSIONS}/index", title, versions[-1].manifest.effective_date,
                html, md)


def _changes_page(versions: list[Published], business: str, words: Words) -> Page:
    said = words.labels
    nav_html, nav_md = _nav("", "changes", words)
    title = said.title_changes.format(business=business)
    html = [nav_html, f"<h1>{escape(title)}</h1>\n"]
    md = [nav_md, f"# {escape_markdown(title)}\n\n"]
    for old, new in reversed(list(zip(versions, versions[1:]))):
        when, since = (words.long(v.manifest.effective_date) for v in (new, old))
        this, prev = (f"{VERSIONS}/{v.folder.name}" for v in (new, old))
        anchor = f"v-{new.folder.name}"
        intro = said.changes_from.format(date=since)
        html.append(f'<h2 id="{anchor}">{escape(when)}</h2>\n<p>{escape(intro)} '
                    f'<a href="{this}.html">{escape(said.this_version)}</a> · '
                    f'<a href="{prev}.html">{escape(said.version_before)}</a></p>\n')
        md.append(f"## {when}\n\n{escape_markdown(intro)} [{escape_markdown(said.this_version)}]"
                  f"({this}.md) · [{escape_markdown(said.version_before)}]({prev}.md)\n\n")
        changed = section_changes(old, new)
        if not changed:
            html.append(f"<p>{escape(said.unchanged)}</p>\n")
            md.append(f"{escape_markdown(said.unchanged)}\n\n")
        for change in changed:
            where = prev if change.kind == "removed" else this
            heading = {"added": said.added_section, "removed": said.removed_section,
                       "changed": said.changed_section}[change.kind] + said.colon
            html.append(f'<h3>{escape(heading)}<a href="{where}.html#{escape(change.anchor)}">'
                        f"{escape(change.title)}</a></h3>\n<ul>\n")
            md.append(f"### {escape_markdown(heading)}[{escape_markdown(change.title)}]"
                      f"({where}.md#{change.anchor})\n\n")
            for tag, lines, version in (("del", change.removed, old),
                                        ("ins", change.added, new)):
                word = (said.removed if tag == "del" else said.added) + said.colon
                for line in filter(None, (_shown(raw, version, words) for raw in lines)):
                    html.append(f"<li>{escape(word)}<{tag}>{escape(line)}</{tag}></li>\n")
                    md.append(f"- {escape_markdown(word)}{escape_markdown(line)}\n")
            html.append("</ul>\n")
            md.append("\n")
    if len(versions) == 1:
        html.append(f"<p>{escape(said.only_one)}</p>\n")
        md.append(f"{escape_markdown(said.only_one)}\n")
    return Page("changes", title, versions[-1].manifest.effective_date,
                "".join(html), "".join(md))


def _public(markdown: str) -> str:
    """The Markdown without Drafter's clause marks and counsel's comments: the HTML renderer
    leaves counsel's out of a page's source, and a site generator must not publish them."""
    return "".join(line for line in markdown.splitlines(keepends=True)
                   if not (parse_clause_comment(line) or parse_counsel_comment(line)))


def _html_file(page: Page, words: Words = Words()) -> str:
    alternates = "".join(f'<link rel="alternate" hreflang="{lang}" href="{prefix}index.html">\n'
                         for lang, _, prefix in words.others) if page.path == "index" else ""
    return (f"<!doctype html>\n<html lang=\"{page.lang}\">\n<head>\n<meta charset=\"utf-8\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(page.title)}</title>\n{alternates}<style>{SITE_STYLE}</style>\n"
            "</head>\n"
            f"<body>\n<main>\n{page.html}</main>\n</body>\n</html>\n")


def _markdown_file(page: Page) -> str:
    from drafter.yamlio import dump_yaml

    front = dump_yaml({"title": page.title, "date": page.date})
    return f"---\n{front}---\n\n{page.markdown}"
