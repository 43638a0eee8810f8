"""Answers files checked in an editor as they are typed: the JSON Schema `drafter schema`
writes, the `# yaml-language-server: $schema=…` line every new answers file starts with
(pointing at the schema beside it), and the names an answers file may have (`answers.yaml`,
or any `NAME.drafter.yaml`)."""

from __future__ import annotations

import json
import threading
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import UserError

if TYPE_CHECKING:
    from drafter.questionnaire import Questionnaire

SCHEMA_NAME = "drafter.schema.json"  # beside the answers files it describes
DEFAULT_ANSWERS = "answers.yaml"
ANSWERS_SUFFIX = ".drafter.yaml"  # `acme.drafter.yaml`: an answers file by its name
MODELINE = f"# yaml-language-server: $schema={SCHEMA_NAME}\n"
_WRITING: list[threading.Thread] = []


def schema_text(questionnaire: Questionnaire) -> str:
    """The JSON Schema (draft 2020-12) of answers files for this questionnaire."""
    from drafter.answers import answers_model

    schema = answers_model(questionnaire).model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, default=str)


def with_modeline(text: str) -> str:
    """A new answers file's text, starting with the line that points an editor at the schema
    (yaml-language-server: VS Code's YAML extension, Neovim, Helix, Zed …); once only."""
    return text if text.startswith("# yaml-language-server:") else MODELINE + text


def write_schema(path: Path, questionnaire: Questionnaire) -> None:
    from drafter.yamlio import atomic_write

    try:
        atomic_write(path, schema_text(questionnaire) + "\n")
    except OSError as exc:
        raise UserError(f"cannot write: {exc.strerror or exc}", path=path) from None


def schema_beside(answers: Path, questionnaire: Questionnaire) -> Path | None:
    """Write the schema beside a new answers file, unless one is there already (it may be the
    user's own, or another answers file's): the path written, or None."""
    target = answers.parent / SCHEMA_NAME
    if target.exists():
        return None
    write_schema(target, questionnaire)
    return target


def offer_schema(answers: Path, questionnaire: Questionnaire) -> None:
    """`schema_beside` for a file the app just created or copied, in the background: making
    the schema takes about half a second, which the owner's screen must not wait for. It only
    helps the owner's editor, so a folder that refuses it costs the answers nothing."""
    if (answers.parent / SCHEMA_NAME).exists():
        return

    def write() -> None:
        try:
            schema_beside(answers, questionnaire)
        except (OSError, UserError):
            pass
        finally:  # a finished thread holds the `sys.stderr` it started with (the app's
            with suppress(ValueError):  # print capture, and so the whole app): not kept
                _WRITING.remove(threading.current_thread())

    thread = threading.Thread(target=write, name="drafter-schema", daemon=True)
    _WRITING.append(thread)
    thread.start()


def schemas_written() -> None:
    """Wait until every schema `offer_schema` started is written."""
    while _WRITING:
        for thread in list(_WRITING):  # each leaves the list as it ends
            thread.join()


def default_answers(folder: Path) -> Path:
    """The answers file a command opens when none is named: `answers.yaml` in `folder`, else
    the one `NAME.drafter.yaml` there (two or more: the user must say which), else a new
    `answers.yaml`."""
    plain = folder / DEFAULT_ANSWERS
    named = sorted(p for p in folder.glob(f"*{ANSWERS_SUFFIX}") if p.is_file())
    if plain.exists() or not named:
        return plain
    if len(named) > 1:
        raise UserError(f"{len(named)} answers files here ({', '.join(p.name for p in named)}): "
                        "name the one to open", path=folder)
    return named[0]
