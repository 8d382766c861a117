"""Fill untranslated entries of the apps' catalogues from the other apps' ones.

When code moves from one app to another (``ttdn/affairs/workflow.py`` into
``ttdn/core/workflow/``), ``make messages`` extracts its strings into the new
app's catalogue with empty translations, although another catalogue translates
them. This copies those translations (same msgctxt and msgid, not fuzzy; also over
a fuzzy guess of makemessages) and lists what is still untranslated or fuzzy.
``make messages`` runs it between extracting and compiling.

Usage: python scripts/po_fill.py [LANGUAGE]   (default vi)
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK_SPLIT = re.compile(r"\n\n+")


def _unquote(lines: list[str]) -> str:
    return "".join(
        bytes(line[line.index('"') + 1 : line.rindex('"')], "utf-8")
        .decode("unicode_escape")
        .encode("latin-1")
        .decode("utf-8")
        for line in lines
    )


def _field(block: list[str], keyword: str) -> tuple[int, int, str] | None:
    """(first line, end line, text) of a keyword's quoted strings in a block."""
    for start, line in enumerate(block):
        if line.startswith(keyword + " "):
            end = start + 1
            while end < len(block) and block[end].startswith('"'):
                end += 1
            return start, end, _unquote(block[start:end])
    return None


def _key(block: list[str]) -> tuple[str, str] | None:
    msgid = _field(block, "msgid")
    if msgid is None or not msgid[2] or _field(block, "msgid_plural"):
        return None
    context = _field(block, "msgctxt")
    return (context[2] if context else "", msgid[2])


def _committed(path: Path) -> str:
    """The catalogue as last committed (a string that moved away is gone from the
    working copy once its old app's catalogue is extracted again)."""
    try:
        return subprocess.run(
            ["git", "show", f"HEAD:{path.relative_to(ROOT)}"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
    except (OSError, subprocess.CalledProcessError):
        return ""


def _translations(paths: list[Path]) -> dict[tuple[str, str], str]:
    found = {}
    texts = [path.read_text(encoding="utf-8") for path in paths]
    texts += [_committed(path) for path in paths]
    for catalogue in texts:
        for text in BLOCK_SPLIT.split(catalogue):
            block = text.splitlines()
            key = _key(block)
            if key is None or any(line.startswith("#, fuzzy") for line in block):
                continue
            msgstr = _field(block, "msgstr")
            if msgstr and msgstr[2]:
                found.setdefault(key, msgstr[2])
    return found


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'msgstr "{escaped}"'


def fill(language: str = "vi") -> list[str]:
    paths = sorted(ROOT.glob(f"ttdn/*/locale/{language}/LC_MESSAGES/django.po"))
    known = _translations(paths)
    missing = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        blocks = BLOCK_SPLIT.split(text)
        changed = False
        for index, block_text in enumerate(blocks):
            block = block_text.splitlines()
            key = _key(block)
            msgstr = _field(block, "msgstr")
            fuzzy = any(line.startswith("#, fuzzy") for line in block)
            if key is None or msgstr is None or (msgstr[2] and not fuzzy):
                continue
            if key in known:
                start, end, _ = msgstr
                block[start:end] = [_quote(known[key])]
                # A fuzzy guess made by makemessages gives way to the real one.
                block = [
                    line.replace("#, fuzzy, ", "#, ")
                    for line in block
                    if line != "#, fuzzy" and not line.startswith("#| ")
                ]
                blocks[index] = "\n".join(block)
                changed = True
            else:
                state = "fuzzy" if fuzzy else "untranslated"
                missing.append(f"{path.relative_to(ROOT)}: {state}: {key[1]!r}")
        if changed:
            path.write_text("\n\n".join(blocks).rstrip("\n") + "\n", encoding="utf-8")
    return missing


if __name__ == "__main__":
    for line in fill(sys.argv[1] if len(sys.argv) > 1 else "vi"):
        print(line)
