"""The policy as a document: the layer under review and export.

- `model` — the assembled `Policy`, the reviewer's `Note`s and the `Draft` carrying both;
- `markdown` — the one Markdown configuration Drafter writes and reads, and token helpers;
- `provenance` — where each part of the Markdown came from (clause comments, bookmarks);
- `tree` — the policy's Markdown parsed once, cut into nodes (head, sections, clauses) that
  review reads and every exporter renders, with the notes as comments on those nodes.
"""
