"""Give new gettext catalogues a proper header (makemessages leaves a fuzzy one).

Usage: python scripts/fix_po_headers.py ttdn/*/locale/*/LC_MESSAGES/django.po
"""

import re
import sys
from pathlib import Path

LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English"}


def fix(path: Path) -> bool:
    language = path.parent.parent.name
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\n\n")
    fixed = head.replace("#, fuzzy\n", "")
    fixed = re.sub(
        r"^# SOME DESCRIPTIVE TITLE\.\n# Copyright.*\n# This file.*\n"
        r"# FIRST AUTHOR.*\n",
        f"# TTĐN — {LANGUAGE_NAMES.get(language, language)} interface strings.\n",
        fixed,
        flags=re.M,
    )
    replacements = {
        '"Project-Id-Version: PACKAGE VERSION\\n"': '"Project-Id-Version: TTĐN\\n"',
        '"Language: \\n"': f'"Language: {language}\\n"',
        '"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"': '"PO-Revision-Date: \\n"',
        '"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"': '"Last-Translator: \\n"',
        '"Language-Team: LANGUAGE <LL@li.org>\\n"': f'"Language-Team: {language}\\n"',
    }
    for old, new in replacements.items():
        fixed = fixed.replace(old, new)
    if fixed == head:
        return False
    path.write_text(fixed + sep + rest, encoding="utf-8")
    return True


if __name__ == "__main__":
    for name in sys.argv[1:]:
        if fix(Path(name)):
            print(f"fixed header: {name}")
