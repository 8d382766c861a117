"""The Vietnamese catalogue is complete and its compiled .mo matches the .po."""

import shutil
import subprocess
from pathlib import Path

from django.conf import settings

import pytest

LOCALE = Path(settings.BASE_DIR) / "ttdn" / "locale"
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


@needs_msgfmt
def test_every_vietnamese_string_is_translated():
    stats = statistics(LOCALE / "vi" / "LC_MESSAGES" / "django.po")
    assert "untranslated" not in stats and "fuzzy" not in stats, stats


@needs_msgfmt
@pytest.mark.parametrize("language", ["vi", "en"])
def test_compiled_catalogue_is_up_to_date(language, tmp_path):
    folder = LOCALE / language / "LC_MESSAGES"
    compiled = tmp_path / "django.mo"
    subprocess.run([MSGFMT, "-o", str(compiled), str(folder / "django.po")], check=True)
    assert compiled.read_bytes() == (folder / "django.mo").read_bytes(), (
        "run `make messages` and commit the .mo files"
    )
