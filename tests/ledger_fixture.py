"""A copy of the mini library whose clauses make promises, for the promises-ledger tests.

The real clauses are being tagged with `{% promise %}` elsewhere; these tests must not depend
on that work, so they build their own small library: the mini one plus a law fact with a name,
a question with a default, and clauses whose promises rest on a question of every type.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from drafter.answers import Answers, validate_answers
from drafter.project import Project
from drafter.yamlio import parse_yaml
from tests.conftest import MINI

PROMISES = """---
id: main.promises
section: main
order: 20
title: Our promises
---
{% promise "business.size" %}We answer **within 30 days** when you are {{ business.size }}.{% endpromise +%}

{% promise "business.kinds", "law.big" %}We keep records of our {{ business.kinds | join(', ') }} for one year.{% endpromise +%}

{% promise "business.staff" %}At most {{ business.staff }} people can see your data.{% endpromise +%}

{% promise "business.about", "contact.vendors" %}We never share it beyond {{ contact.vendors | length }} vendors{% if business.about %} ({{ business.about }}){% endif %}.{% endpromise +%}

{% promise "policy.effective_date", "contact.email" %}We will email {{ contact.email }} before any change to this policy of {{ policy.effective_date }}.{% endpromise +%}
"""

KIOSK = """---
id: main.kiosks
section: kiosks
order: 10
title: At the kiosk
---
{% promise "business.kiosk_cards" %}Our kiosks {{ "take" if business.kiosk_cards else "do not take" }} cards.{% endpromise +%}
"""

ANSWERS = """business:
  name: Mini Shop LLC
  kinds: [shop, kiosk]
  kiosk_cards: true
  size: small
contact:
  email: hello@mini.example
  vendors:
    - {name: Acme Mail, link: "https://acme.example/privacy"}
    - {name: Beta Pay}
policy:
  effective_date: 2026-11-01
"""


LAWS = """big:
  when: "business.size == 'large' or 'kiosk' in business.kinds"
  name: Big Business Act
"""


def ledger_project(tmp_path: Path, optional: tuple[str, ...] = ()) -> Project:
    """The mini questionnaire (with a default for `business.staff`, and the questions named
    `optional` marked so: `about`, `vendors`) and the promising library."""
    root = tmp_path / "clauses"
    shutil.copytree(MINI / "clauses", root)
    (root / "main" / "promises.md.j2").write_text(PROMISES)
    (root / "main" / "kiosks.md.j2").write_text(KIOSK)
    (root / "laws.yaml").write_text(LAWS)
    questionnaire = tmp_path / "questionnaire.yaml"
    text = (MINI / "questionnaire.yaml").read_text().replace(
        "type: number, min: 0", "type: number, default: 5, min: 0")
    marked = {"about": ("type: long_text}", "type: long_text, optional: true}"),
              "vendors": ("type: records\n", "type: records\n        optional: true\n")}
    for name in optional:
        text = text.replace(*marked[name])
    questionnaire.write_text(text)
    return Project.load(questionnaire, root)


# The same answers with the suggested staff count given: what a build from a file needs (a
# suggestion left unconfirmed is not an answer, and the build names it).
GIVEN = ANSWERS.replace("  size: small\n", "  size: small\n  staff: 5\n")


def ledger_answers(project: Project, text: str = ANSWERS, path: Path | None = None) -> Answers:
    """The answers as the app's preview drafts them: a suggestion (`business.staff`, 5) stands
    in for a question left unanswered, and the ledger says it is not confirmed."""
    given = validate_answers(parse_yaml(text, path or Path("answers.yaml")),
                             project.questionnaire, path or Path("answers.yaml"), complete=False)
    return Answers(project.questionnaire, given.values, given.path, suggestions=True)
