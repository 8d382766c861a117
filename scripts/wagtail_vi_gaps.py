"""Find the Wagtail admin strings that Wagtail's own Vietnamese catalogues miss.

Wagtail ships a Vietnamese translation for only part of its interface. For every
Wagtail app the project uses (and the catalogues of what the admin shows besides:
Django, django-taggit, humanize), this script compares the English source catalogue
(``locale/en/LC_MESSAGES/django.po`` and ``djangojs.po``, which list every current
msgid) with the Vietnamese one and lists each msgid, with its msgctxt and plural,
whose msgstr is missing, empty or fuzzy. With ``--write`` it merges them into the
project's override catalogues in ``ttdn/core/locale_wagtail/vi/LC_MESSAGES/`` (a
``LOCALE_PATHS`` folder, which Django prefers to every app catalogue), keeping every
translation already there, so it can be re-run after upgrading Wagtail. It also
lists existing Vietnamese translations that look wrong (a placeholder glued to a
word, placeholders that differ from the msgid, a term other than the product's),
which the override catalogue corrects, and ``--check`` checks the overrides.

Standard library only. Usage (from the repository root):

    .venv/bin/python scripts/wagtail_vi_gaps.py            # summary
    .venv/bin/python scripts/wagtail_vi_gaps.py --list     # every missing msgid
    .venv/bin/python scripts/wagtail_vi_gaps.py --write    # merge into the overrides
    .venv/bin/python scripts/wagtail_vi_gaps.py --check    # exit 1 if any is missing
    msgfmt -o …/django.mo …/django.po                      # then compile (see docs)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OVERRIDE_DIR = ROOT / "ttdn" / "core" / "locale_wagtail"
LANGUAGE = "vi"
DOMAINS = ("django", "djangojs")

# The Wagtail apps the project uses, in INSTALLED_APPS order, plus the bundled apps
# it may switch on (embeds, forms, typed_table_block): their catalogues are small and
# an app added later is then already translated. Apps without a catalogue (e.g.
# routable_page, sitemaps, modelsearch 1.3) are skipped silently.
WAGTAIL_APPS = (
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.forms",
    "wagtail.embeds",
    "wagtail.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelsearch",
)
# Catalogues of what the admin is built on, whose strings it shows too (times
# since, form and validation errors, tag help). Needed, not only nice: Wagtail
# says "just now" only when Django's translated "0 minutes" equals its own.
DEPENDENCIES = (
    "django.conf",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "taggit",
)
# Catalogues Django never loads because their app is not installed, though Wagtail
# uses their strings (naturaltime: "now", "2 hours ago"): every msgid is a gap,
# their own vi translations only suggestions.
UNLOADED = ("django.contrib.humanize",)
APPS = WAGTAIL_APPS + DEPENDENCIES + UNLOADED

# The project's own catalogues: Django prefers them to Wagtail's (they come first in
# INSTALLED_APPS), so a msgid they translate is covered already and the override
# must not shadow it (a LOCALE_PATHS catalogue would win over them too).
PROJECT_CATALOGUES = "ttdn/*/locale/vi/LC_MESSAGES"

# Terminology (docs/development.md): an English word in a msgid (placeholders
# left out) whose Vietnamese translation must use the product's term.
TERMS = (
    (r"\bunpublish", ("ngừng xuất bản", "chưa xuất bản")),
    (r"publish", ("xuất bản",)),
    (r"\bapprov", ("phê duyệt",)),
    (r"\breject", ("từ chối",)),
    (r"\bworkflow(?! tasks?\b)", ("quy trình",)),
    (r"\bcollection", ("bộ sưu tập",)),
    (r"\blocales?\b", ("ngôn ngữ",)),
    (r"\bsnippet", ("đoạn nội dung dùng chung",)),
    (r"\brevision", ("phiên bản",)),
    (r"\bdraft", ("nháp",)),
    (r"\bpreview", ("xem trước",)),
    (r"\bexpir", ("hết hạn",)),
    (r"\bgo[- ]live", ("xuất bản",)),
)

HEADER = {
    "django": "Wagtail admin",
    "djangojs": "Wagtail admin (JavaScript)",
}


# --------------------------------------------------------------------------- PO


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    translator_comments: list[str] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translations(self) -> list[str]:
        if self.msgid_plural is not None:
            return [self.msgstr_plural[i] for i in sorted(self.msgstr_plural)]
        return [self.msgstr]

    @property
    def translated(self) -> bool:
        values = self.translations
        return bool(values) and all(values) and not self.fuzzy


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a"}


def unquote(text: str) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"not a PO string: {text!r}")
    return re.sub(
        r"\\(.)", lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), text[1:-1]
    )


def quote(text: str) -> str:
    text = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\t", "\\t")
        .replace("\r", "\\r")
    )
    return '"' + text.replace("\n", "\\n") + '"'


def read_po(path: Path) -> tuple[Entry | None, list[Entry]]:
    """The header entry and the other (non-obsolete) entries of a catalogue."""
    entries: list[Entry] = []
    header: Entry | None = None
    current: dict = {}
    last: str | None = None

    def flush() -> None:
        nonlocal current, last, header
        if "msgid" in current:
            entry = Entry(
                msgid=current["msgid"],
                msgctxt=current.get("msgctxt"),
                msgid_plural=current.get("msgid_plural"),
                msgstr=current.get("msgstr", ""),
                msgstr_plural=current.get("msgstr_plural", {}),
                flags=current.get("flags", []),
                translator_comments=current.get("tc", []),
                extracted_comments=current.get("ec", []),
                references=current.get("refs", []),
            )
            if entry.msgid == "" and entry.msgctxt is None and header is None:
                header = entry
            else:
                entries.append(entry)
        current, last = {}, None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("#~"):
            continue  # obsolete entry
        if line.startswith("#"):
            if "msgid" in current:
                flush()
            if line.startswith("#,"):
                flags = [f.strip() for f in line[2:].split(",") if f.strip()]
                current.setdefault("flags", []).extend(flags)
            elif line.startswith("#."):
                current.setdefault("ec", []).append(line[2:].strip())
            elif line.startswith("#:"):
                current.setdefault("refs", []).extend(line[2:].split())
            elif line.startswith("#|"):
                pass
            else:
                current.setdefault("tc", []).append(line[1:].strip())
            continue
        if line.startswith('"'):
            if last is None:
                raise ValueError(f"{path}: continuation without keyword: {raw!r}")
            value = unquote(line)
            if isinstance(last, int):
                current["msgstr_plural"][last] += value
            else:
                current[last] += value
            continue
        keyword, _, rest = line.partition(" ")
        match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
        if match:
            last = int(match.group(1))
            current.setdefault("msgstr_plural", {})[last] = unquote(rest)
            continue
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
            raise ValueError(f"{path}: unexpected line {raw!r}")
        if keyword in ("msgctxt", "msgid") and "msgstr" in current:
            flush()
        if keyword == "msgctxt" and "msgid" in current:
            flush()
        last = keyword
        current[keyword] = unquote(rest)
    flush()
    return header, entries


def _field(keyword: str, value: str) -> list[str]:
    if "\n" in value.rstrip("\n") or len(value) > 70:
        parts = [p for p in re.split(r"(?<=\n)", value) if p]
        return [f'{keyword} ""'] + [quote(p) for p in parts]
    return [f"{keyword} {quote(value)}"]


def format_entry(entry: Entry) -> str:
    lines = [f"# {c}".rstrip() for c in entry.translator_comments]
    lines += [f"#. {c}" for c in entry.extracted_comments]
    if entry.flags:
        lines.append("#, " + ", ".join(dict.fromkeys(entry.flags)))
    if entry.msgctxt is not None:
        lines += _field("msgctxt", entry.msgctxt)
    lines += _field("msgid", entry.msgid)
    if entry.msgid_plural is not None:
        lines += _field("msgid_plural", entry.msgid_plural)
        lines += _field("msgstr[0]", entry.msgstr_plural.get(0, ""))
    else:
        lines += _field("msgstr", entry.msgstr)
    return "\n".join(lines) + "\n"


def header_text(domain: str) -> str:
    return (
        f"# TTĐN — Vietnamese translation of the {HEADER[domain]} strings that\n"
        "# Wagtail's own vi catalogues lack or get wrong. Merged by\n"
        "# scripts/wagtail_vi_gaps.py --write; see docs/development.md.\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Project-Id-Version: TTĐN\\n"\n'
        '"PO-Revision-Date: \\n"\n'
        '"Last-Translator: \\n"\n'
        '"Language: vi\\n"\n'
        '"Language-Team: vi\\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        '"Plural-Forms: nplurals=1; plural=0;\\n"\n'
    )


def write_po(path: Path, domain: str, entries: list[Entry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "\n".join(format_entry(e) for e in entries)
    path.write_text(header_text(domain) + "\n" + body, encoding="utf-8")


# ------------------------------------------------------------------ placeholders

_PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]"  # %(name)s
    r"|%[-#0 +]*\d*(?:\.\d+)?[sdifr]"  # %s, %d
    r"|\{\{\s*[^}]+?\s*\}\}"  # {{ var }}
    r"|\{[A-Za-z_][A-Za-z0-9_.]*\}"  # {name}
    r"|\{\d*\}"  # {} {0}
    r"|</?[A-Za-z][^<>]*>"  # HTML tags
    r"|&[a-z]+;|&#\d+;"  # HTML entities
)


def placeholders(text: str) -> list[str]:
    """The sorted placeholders, HTML tags and entities of a string."""
    found = [re.sub(r"\s+", " ", p) for p in _PLACEHOLDER.findall(text)]
    return sorted(p.replace("%%", "") for p in found)


def placeholder_problems(entry: Entry) -> list[str]:
    """Why the translations of an entry do not keep its msgid's placeholders."""
    problems = []
    sources = [entry.msgid] + (
        [entry.msgid_plural] if entry.msgid_plural is not None else []
    )
    for value in entry.translations:
        if not value:
            continue
        got = placeholders(value)
        if all(got != placeholders(s) for s in sources):
            want = placeholders(sources[-1])
            problems.append(f"placeholders {got} differ from {want}")
        # A named placeholder glued to a word where the msgid has a space.
        for match in re.finditer(r"%\([^)]+\)s", value):
            name = match.group(0)
            if not any(name in s for s in sources):
                continue
            after = value[match.end() : match.end() + 1]
            before = value[match.start() - 1 : match.start()]
            spaced_after = any(
                re.search(
                    re.escape(name) + r"[\s.,:;!?)\]'\"”]|" + re.escape(name) + "$", s
                )
                for s in sources
            )
            spaced_before = any(
                re.search(r"(^|[\s(\['\"“])" + re.escape(name), s) for s in sources
            )
            if after.isalpha() and spaced_after:
                problems.append(f"no space after {name}")
            if before.isalpha() and spaced_before:
                problems.append(f"no space before {name}")
    return problems


def term_problems(entry: Entry) -> list[str]:
    """Product terms (TERMS) the translations of an entry do not use."""
    source = _PLACEHOLDER.sub(" ", entry.msgid).lower()
    found = []
    for pattern, terms in TERMS:
        if re.search(pattern, source) and any(
            not any(term in value.lower() for term in terms)
            for value in entry.translations
            if value
        ):
            found.append(f"should say “{' / '.join(terms)}”")
    return found


# ------------------------------------------------------------------------- scan


def default_site_packages() -> Path | None:
    venv = sorted((ROOT / ".venv" / "lib").glob("python3*/site-packages"))
    if venv:
        return venv[-1]
    spec = importlib.util.find_spec("wagtail")
    if spec and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))).parent
    return None


def app_dir(site_packages: Path, module: str) -> Path:
    return site_packages.joinpath(*module.split("."))


@dataclass
class Gap:
    domain: str
    source: Entry
    apps: list[str] = field(default_factory=list)
    # A translation another scanned app's vi catalogue has for the same msgid.
    borrowed: list[str] | None = None


@dataclass
class Suspect:
    """A Wagtail vi translation that looks wrong."""

    domain: str
    app: str
    entry: Entry
    problems: list[str]


@dataclass
class Scan:
    # (app, domain) -> (msgids, translated by Wagtail's vi catalogue)
    stats: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    # domain -> key -> gap: msgids no vi catalogue of the app translates
    gaps: dict[str, dict[tuple, Gap]] = field(default_factory=dict)
    # domain -> key -> (project app, translation): gaps the project's own
    # catalogues translate (already shown at run time; not for the override)
    covered: dict[str, dict[tuple, tuple[str, list[str]]]] = field(default_factory=dict)
    # domain -> key -> (project app, translation): every msgid the project's
    # catalogues translate
    project: dict[str, dict[tuple, tuple[str, list[str]]]] = field(default_factory=dict)
    suspects: list[Suspect] = field(default_factory=list)
    # domain -> key -> source entry (every msgid of every scanned app)
    sources: dict[str, dict[tuple, Entry]] = field(default_factory=dict)


def read_project(domain: str, root: Path = ROOT) -> dict[tuple, tuple[str, Entry]]:
    found = {}
    for folder in sorted(root.glob(PROJECT_CATALOGUES)):
        po = folder / f"{domain}.po"
        if po.exists():
            app = po.parts[-5]
            for entry in read_po(po)[1]:
                found.setdefault(entry.key, (app, entry))
    return found


def scan(site_packages: Path, apps=APPS, root: Path = ROOT) -> Scan:
    result = Scan()
    for domain in DOMAINS:
        gaps: dict[tuple, Gap] = {}
        translated_anywhere: dict[tuple, Entry] = {}
        sources: dict[tuple, Entry] = {}
        project = read_project(domain, root)
        suspects: dict[tuple, Suspect] = {}
        for app in apps:
            locale = app_dir(site_packages, app) / "locale"
            source_po = locale / "en" / "LC_MESSAGES" / f"{domain}.po"
            if not source_po.exists():
                continue
            _, source_entries = read_po(source_po)
            vi_po = locale / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"
            vi = {e.key: e for e in read_po(vi_po)[1]} if vi_po.exists() else {}
            done = 0
            for source in source_entries:
                sources.setdefault(source.key, source)
                target = vi.get(source.key)
                if app in UNLOADED:
                    if target is not None and target.translated:
                        translated_anywhere.setdefault(source.key, target)
                    target = None
                if target is not None and target.translated:
                    done += 1
                    translated_anywhere.setdefault(source.key, target)
                    found = placeholder_problems(target) + term_problems(target)
                    if found and source.key not in project:
                        suspects.setdefault(
                            source.key, Suspect(domain, app, target, found)
                        )
                    continue
                gap = gaps.setdefault(source.key, Gap(domain, source))
                gap.apps.append(app)
            result.stats[(app, domain)] = (len(source_entries), done)
        for key, gap in gaps.items():
            if key in translated_anywhere:
                gap.borrowed = translated_anywhere[key].translations
        result.covered[domain] = {
            key: (project[key][0], project[key][1].translations)
            for key in gaps
            if key in project and project[key][1].translated
        }
        result.gaps[domain] = {
            key: gap for key, gap in gaps.items() if key not in result.covered[domain]
        }
        result.project[domain] = {
            key: (app, entry.translations)
            for key, (app, entry) in project.items()
            if entry.translated
        }
        result.sources[domain] = sources
        result.suspects.extend(suspects.values())
    return result


def override_path(domain: str, override_dir: Path = OVERRIDE_DIR) -> Path:
    return override_dir / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def read_override(domain: str, override_dir: Path = OVERRIDE_DIR) -> list[Entry]:
    path = override_path(domain, override_dir)
    return read_po(path)[1] if path.exists() else []


CORRECTION = "corrects the vi translation shipped upstream"


def merge(result: Scan, domain: str, existing: list[Entry]) -> tuple[list[Entry], dict]:
    """The override entries of ``domain`` once the current gaps are added.

    Keeps every existing entry whose msgid Wagtail still has (translations and
    corrections of Wagtail's own vi strings) with its msgstr, refreshes its flags
    and notes; adds each new gap, empty or prefilled when another Wagtail app's vi
    catalogue translates the same msgid; adds each suspect Wagtail translation
    as a fuzzy entry to review; drops entries whose msgid Wagtail no longer has
    or the project's own catalogues translate.
    """
    gaps = result.gaps.get(domain, {})
    sources = result.sources.get(domain, {})
    project = result.project.get(domain, {})
    kept = {e.key: e for e in existing}
    merged: list[Entry] = []
    counts = {"kept": 0, "added": 0, "borrowed": 0, "to review": 0, "dropped": 0}
    for key, entry in kept.items():
        source = sources.get(key)
        if source is None or key in project:
            counts["dropped"] += 1
            continue
        entry.flags = [f for f in source.flags if f != "fuzzy"] + (
            ["fuzzy"] if entry.fuzzy else []
        )
        entry.msgid_plural = source.msgid_plural
        if source.msgid_plural is not None:
            entry.msgstr_plural = {0: entry.msgstr_plural.get(0, entry.msgstr)}
            entry.msgstr = ""
        gap = gaps.get(key)
        entry.extracted_comments = [", ".join(gap.apps) if gap else CORRECTION]
        merged.append(entry)
        counts["kept"] += 1

    def add(source: Entry, note: str, value: str, comments: list[str], fuzzy=False):
        entry = Entry(
            msgid=source.msgid,
            msgctxt=source.msgctxt,
            msgid_plural=source.msgid_plural,
            flags=[f for f in source.flags if f != "fuzzy"]
            + (["fuzzy"] if fuzzy else []),
            extracted_comments=[note],
            translator_comments=comments,
        )
        if source.msgid_plural is not None:
            entry.msgstr_plural = {0: value}
        else:
            entry.msgstr = value
        merged.append(entry)

    for key, gap in gaps.items():
        if key in kept:
            continue
        if gap.borrowed:
            add(
                gap.source,
                ", ".join(gap.apps),
                gap.borrowed[0],
                ["from another scanned vi catalogue"],
            )
            counts["borrowed"] += 1
        else:
            add(gap.source, ", ".join(gap.apps), "", [])
        counts["added"] += 1
    for suspect in result.suspects:
        if suspect.domain != domain or suspect.entry.key in kept:
            continue
        source = sources[suspect.entry.key]
        add(source, CORRECTION, suspect.entry.translations[0], suspect.problems, True)
        counts["to review"] += 1
    merged.sort(key=lambda e: (e.extracted_comments[0], e.msgid, e.msgctxt or ""))
    return merged, counts


def problems(result: Scan, override_dir: Path = OVERRIDE_DIR) -> list[str]:
    """What the override catalogues leave open or get wrong."""
    found = []
    for domain in DOMAINS:
        entries = {e.key: e for e in read_override(domain, override_dir)}
        for key, gap in result.gaps.get(domain, {}).items():
            entry = entries.get(key)
            if entry is None or not entry.translated:
                found.append(f"{domain}: untranslated: {describe(gap.source)}")
        for suspect in result.suspects:
            entry = entries.get(suspect.entry.key)
            if suspect.domain == domain and (entry is None or not entry.translated):
                found.append(f"{domain}: uncorrected: {describe(suspect.entry)}")
        for key, entry in entries.items():
            if entry.fuzzy:
                found.append(f"{domain}: fuzzy: {describe(entry)}")
            if key not in result.sources.get(domain, {}):
                found.append(f"{domain}: msgid no longer exists: {describe(entry)}")
            app, theirs = result.project.get(domain, {}).get(key, (None, None))
            if theirs is not None and theirs != entry.translations:
                found.append(
                    f"{domain}: shadows ttdn.{app}'s translation (run --write to "
                    f"drop it): {describe(entry)}"
                )
            for problem in placeholder_problems(entry) + term_problems(entry):
                found.append(f"{domain}: {problem}: {describe(entry)}")
    return found


def describe(entry: Entry) -> str:
    text = repr(entry.msgid)
    if entry.msgctxt:
        text = f"[{entry.msgctxt}] {text}"
    if entry.msgid_plural is not None:
        text += f" / {entry.msgid_plural!r}"
    return text


# -------------------------------------------------------------------------- CLI


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-packages", type=Path, default=None)
    parser.add_argument("--override-dir", type=Path, default=OVERRIDE_DIR)
    parser.add_argument("--list", action="store_true", help="print every gap")
    parser.add_argument("--json", type=Path, help="write the gaps as JSON")
    parser.add_argument("--write", action="store_true", help="merge into overrides")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when the overrides leave a gap or break a placeholder",
    )
    args = parser.parse_args(argv)
    site_packages = args.site_packages or default_site_packages()
    if site_packages is None or not (site_packages / "wagtail").is_dir():
        print("wagtail not found: pass --site-packages", file=sys.stderr)
        return 2
    result = scan(site_packages)

    print(f"Wagtail catalogues in {site_packages}:")
    for (app, domain), (total, done) in result.stats.items():
        print(f"  {app:36} {domain:9} {done:4} of {total:4} msgids translated")
    for domain in DOMAINS:
        gaps = result.gaps[domain]
        borrowed = sum(1 for g in gaps.values() if g.borrowed)
        print(
            f"{domain}: {len(gaps)} msgids missing from the vi catalogues "
            f"({borrowed} translated by another scanned catalogue; "
            f"{len(result.covered[domain])} more translated by the project's own)"
        )
        if args.list:
            for gap in gaps.values():
                print(f"    {', '.join(gap.apps)}: {describe(gap.source)}")
            for key, (app, values) in result.covered[domain].items():
                print(f"    covered by ttdn.{app}: {key[1]!r} -> {values[0]!r}")
    print(f"Wagtail vi translations that look wrong: {len(result.suspects)}")
    for suspect in result.suspects:
        print(
            f"  {suspect.domain} {suspect.app}: {describe(suspect.entry)}"
            f" -> {suspect.entry.translations[0]!r}: {'; '.join(suspect.problems)}"
        )

    if args.json:
        data = [
            {
                "domain": gap.domain,
                "apps": gap.apps,
                "msgctxt": gap.source.msgctxt,
                "msgid": gap.source.msgid,
                "msgid_plural": gap.source.msgid_plural,
                "flags": gap.source.flags,
                "references": gap.source.references,
                "borrowed": gap.borrowed,
            }
            for domain in DOMAINS
            for gap in result.gaps[domain].values()
        ]
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1))
        print(f"wrote {len(data)} gaps to {args.json}")

    if args.write:
        for domain in DOMAINS:
            path = override_path(domain, args.override_dir)
            merged, counts = merge(
                result, domain, read_override(domain, args.override_dir)
            )
            write_po(path, domain, merged)
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            print(f"{shown}: {counts}")
        print("Translate the empty and fuzzy entries, then compile with msgfmt.")

    corrections = [
        e
        for domain in DOMAINS
        for e in read_override(domain, args.override_dir)
        if CORRECTION in e.extracted_comments
    ]
    print(f"Wagtail vi translations the override corrects: {len(corrections)}")
    if args.list:
        for entry in corrections:
            print(f"    {describe(entry)} -> {entry.translations[0]!r}")
    open_problems = problems(result, args.override_dir)
    print(f"Override catalogues: {len(open_problems)} problems")
    if args.check:
        for problem in open_problems:
            print(f"  {problem}")
        return 1 if open_problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
