"""Readability of each translated example in each language, with a formula made for that
language, offline (run on demand: `.venv/bin/python tests/benchmarks/readability_languages.py`).

textstat 0.7.3 (pinned: later versions download data at run time) counts syllables with
Pyphen's bundled hyphenation dictionaries, so every figure here is computed without a network:

- English: Flesch reading ease and Flesch-Kincaid grade (as tests/benchmarks/readability.py).
- Spanish: Fernández-Huerta (1959) `206.84 − 0.60·P − 1.02·F` (P syllables per 100 words, F
  sentences per 100 words) and Szigriszt-Pazos (1993) perspicuity, both from textstat.
  60–70 reads as "normal", 70–80 "fairly easy".
- French: Kandel–Moles (1958) `207 − 1.015·(words/sentences) − 73.6·(syllables/words)`,
  Flesch's ease refitted for French. textstat 0.7.3 has no such function, so it is computed
  here from textstat's French word, sentence and syllable counts. Same scale as Flesch's.

Each paragraph, list item, heading and table cell is one sentence (`plain_sentences`), as in
the English benchmark. Every example is measured in every language it builds in; the last
lines count the examples built and the clauses translated in each language.
"""

from __future__ import annotations

import sys
from pathlib import Path

import textstat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from readability import plain_sentences  # noqa: E402

from drafter.assemble import assemble  # noqa: E402
from drafter.i18n.catalog import catalog  # noqa: E402
from drafter.i18n.render import MissingWording  # noqa: E402
from drafter.paths import examples  # noqa: E402
from drafter.project import Project  # noqa: E402

def kandel_moles(text: str) -> float:
    textstat.set_lang("fr")
    words = textstat.lexicon_count(text)
    sentences = textstat.sentence_count(text)
    syllables = textstat.syllable_count(text)
    return 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words)


def measures(lang: str, text: str) -> dict[str, float]:
    if lang == "en":
        textstat.set_lang("en_US")
        return {"Flesch ease": textstat.flesch_reading_ease(text),
                "F-K grade": textstat.flesch_kincaid_grade(text)}
    if lang == "es":
        textstat.set_lang("es")
        return {"Fernández-Huerta": textstat.fernandez_huerta(text),
                "Szigriszt-Pazos": textstat.szigriszt_pazos(text)}
    return {"Kandel–Moles": kandel_moles(text)}


def main() -> None:
    """One line per example and language it builds in (every example: the list grows as
    translations land), and one line per language an example does not build in yet."""
    project = Project.load()
    built: dict[str, int] = {}
    for name, path in sorted(examples().items()):
        answers = project.answers(path)
        for lang in ("en", "es", "fr-CA"):
            try:
                policy = assemble(answers, project.library, lang)
            except MissingWording as exc:
                print(f"{name:16} {lang:6} not built yet ({len(exc.missing)} clause(s) "
                      "untranslated)")
                continue
            built[lang] = built.get(lang, 0) + 1
            text = plain_sentences("\n\n".join(c.markdown for c in policy.clauses()))
            shown = ", ".join(f"{k} {v:.1f}" for k, v in measures(lang[:2], text).items())
            print(f"{name:16} {lang:6} {shown}")
    textstat.set_lang("en_US")
    found = catalog(project.library)
    for lang in found.languages:
        done = sum(1 for _, of in found.clauses if of == lang)
        print(f"{lang}: {built.get(lang, 0)} of {len(examples())} examples built, {done} of "
              f"{len(project.library.clauses)} clauses translated")


if __name__ == "__main__":
    main()
