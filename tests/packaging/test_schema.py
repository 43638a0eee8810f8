"""Answers files checked in an editor: `drafter schema -o`, the yaml-language-server line new
answers files start with, the schema written beside them, and `NAME.drafter.yaml` names."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from drafter.cli import main
from drafter.cli_app import _app_file
from drafter.editing import Session
from drafter.errors import UserError
from drafter.paths import copy_example, example_copies, examples
from drafter.project import Project
from drafter.schema import MODELINE, SCHEMA_NAME, default_answers, schemas_written


def _schema_validator(path: Path) -> jsonschema.protocols.Validator:
    schema = json.loads(path.read_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_schema_o_writes_a_schema_every_example_passes(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "-o", str(tmp_path)]) == 0
    assert f"# yaml-language-server: $schema={SCHEMA_NAME}" in capsys.readouterr().out
    validator = _schema_validator(tmp_path / SCHEMA_NAME)
    for name, path in examples().items():
        errors = list(validator.iter_errors(json.loads(json.dumps(
            YAML(typ="safe").load(path.read_text()), default=str))))
        assert not errors, (name, errors[0].message)
    wrong = {"business": {"name": "Acme", "size": "a few"}}
    assert list(validator.iter_errors(wrong)), "a number question accepted words"


def test_schema_o_names_a_file_and_printing_is_unchanged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "-o", str(tmp_path / "answers.schema.json")]) == 0
    assert "$schema=answers.schema.json" in capsys.readouterr().out
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(
        (tmp_path / "answers.schema.json").read_text())


def test_a_new_answers_file_points_at_the_schema_written_beside_it(project: Project,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "acme.drafter.yaml"
    session = Session.open(project, path)
    assert not path.exists()  # opening writes nothing
    session.set("business.name", "Acme Widgets LLC")
    assert path.read_text().startswith(MODELINE)
    schemas_written()  # in the background: the app's screen does not wait for it
    validator = _schema_validator(tmp_path / SCHEMA_NAME)
    assert not list(validator.iter_errors(YAML(typ="safe").load(path.read_text())))
    session.set("business.brand", "Acme")  # later saves keep the line, once
    assert path.read_text().count("yaml-language-server") == 1


def test_the_schema_beside_is_never_replaced(project: Project, tmp_path: Path) -> None:
    (tmp_path / SCHEMA_NAME).write_text("{}\n")  # the user's own, or another file's
    Session.open(project, tmp_path / "answers.yaml").set("business.name", "Acme LLC")
    schemas_written()
    assert (tmp_path / SCHEMA_NAME).read_text() == "{}\n"


def test_a_copied_example_points_at_the_schema_beside_it(project: Project,
                                                         tmp_path: Path) -> None:
    kiosk = examples()["kiosk"]
    copy = copy_example(kiosk, example_copies(kiosk, tmp_path), project.questionnaire)
    assert copy.read_text() == MODELINE + kiosk.read_text()
    schemas_written()
    assert (tmp_path / SCHEMA_NAME).exists()
    assert project.answers(copy).resolved()["business.name"] == "Parcel Point Kiosks, Inc."


def test_the_app_opens_answers_yaml_else_the_one_drafter_yaml(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.chdir(tmp_path)
    opened = lambda: _app_file(argparse.Namespace(file=None)).path  # noqa: E731
    assert opened() == Path("answers.yaml")  # nothing here: a new answers.yaml
    (tmp_path / "acme.drafter.yaml").write_text("business: {name: Acme}\n")
    assert opened() == Path("acme.drafter.yaml")
    (tmp_path / "other.drafter.yaml").write_text("business: {name: Other}\n")
    with pytest.raises(UserError, match="2 answers files here .*acme.drafter.yaml, "
                                        "other.drafter.yaml.*name the one"):
        opened()
    (tmp_path / "answers.yaml").write_text("business: {name: Plain}\n")
    assert opened() == Path("answers.yaml") == default_answers(Path("."))
    assert _app_file(argparse.Namespace(file="other.drafter.yaml")).path.name == \
        "other.drafter.yaml"


def test_a_drafter_yaml_builds_like_answers_yaml(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kiosk.drafter.yaml"
    path.write_text(MODELINE + examples()["kiosk"].read_text())
    assert main(["build", str(path), "-o", str(tmp_path / "out"), "--format", "md"]) in (0, 1)
    assert list((tmp_path / "out").glob("*/privacy-policy.md"))
