from tests.conftest import example_build


def test_builds_the_kiosk_example() -> None:
    # `drafter build --example kiosk` (exit 0 asserted there), built once a session
    folder = example_build("kiosk")
    assert folder.name == "parcel-point-kiosks-inc"
    md = (folder / "privacy-policy.md").read_text()
    assert "Parcel Point Kiosks, Inc." in md
