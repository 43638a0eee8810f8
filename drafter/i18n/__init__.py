"""The policy in other languages, from the same answers and the same clauses.

English is the library's own language: each clause's front matter (`when`, `satisfies`,
`order`) and the requirement ids live in the English file. A translation sits beside it,
`name.es.md.j2` next to `name.md.j2`, and holds only wording: its body, and a `title` when the
English clause has one. Reference data is translated the same way, `data/categories.es.yaml`
beside `data/categories.yaml`, holding only the wording keys it replaces. What each language
is, and whether it is complete, is declared in `clauses/languages.yaml` (with the document's
title, section titles and the few words the header uses). So a language version can only
ever say what the English says: the same clauses are chosen by the same conditions, and they
satisfy the same requirement ids.
"""

ENGLISH = "en"
