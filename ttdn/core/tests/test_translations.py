"""Every app's Vietnamese catalogue is complete and its compiled .mo matches."""

import shutil
import subprocess
from pathlib import Path

from django.conf import settings

import pytest

CATALOGUES = sorted((Path(settings.BASE_DIR) / "ttdn").glob("*/locale/*/LC_MESSAGES"))
VI = [c for c in CATALOGUES if c.parent.name == "vi"]
MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="gettext (msgfmt) missing")


def statistics(po: Path) -> str:
    result = subprocess.run(
        [MSGFMT, "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr.strip()


def test_core_portal_and_accounts_have_catalogues():
    apps = {c.parent.parent.parent.name for c in VI}
    assert {"core", "portal", "accounts"} <= apps


@needs_msgfmt
@pytest.mark.parametrize("folder", VI, ids=lambda p: p.parent.parent.parent.name)
def test_every_vietnamese_string_is_translated(folder):
    stats = statistics(folder / "django.po")
    assert "untranslated" not in stats and "fuzzy" not in stats, stats


@needs_msgfmt
@pytest.mark.parametrize(
    "folder", CATALOGUES, ids=lambda p: f"{p.parent.parent.parent.name}-{p.parent.name}"
)
def test_compiled_catalogue_is_up_to_date(folder, tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run([MSGFMT, "-o", str(compiled), str(folder / "django.po")], check=True)
    assert compiled.read_bytes() == (folder / "django.mo").read_bytes(), (
        "run `make messages` and commit the .mo files"
    )
