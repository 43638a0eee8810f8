from pathlib import Path

from drafter.cli import main


def test_builds_the_kiosk_example(tmp_path: Path) -> None:
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    md = (tmp_path / "parcel-point-kiosks-inc" / "privacy-policy.md").read_text()
    assert "Parcel Point Kiosks, Inc." in md
