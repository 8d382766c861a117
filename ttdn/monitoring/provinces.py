"""Which of the 34 provinces a news item is mainly about — or "national".

The place names come from the same reference data the directory loads its
administrative units from (the ``vietnam-provinces`` package, ADR 0002): the 34
current provinces, the 63 pre-2025 provinces and their ~700 districts, each
mapped to the province that succeeds it (``Tỉnh Hà Giang`` → Tuyên Quang,
``huyện Mộc Châu`` → Sơn La, ``TP Nha Trang`` → Khánh Hòa).

Matching works on folded words (no case, no diacritics): a name matches a run of
whole words. A bare name that belongs to two successor provinces (``Châu
Thành``), is a single syllable, or is also a province name (``huyện Quảng
Ninh`` of Quảng Bình) matches only with its kind written before it
(``huyện Quảng Ninh``).

Scoring, body over headline: every mention in the text counts 1 (a province
name) or :data:`DISTRICT_WEIGHT` (a district); mentions in the headline count
:data:`HEADLINE_WEIGHT` of that; the first province named in the text gets
:data:`FIRST_BONUS`. The best province wins when it has at least
:data:`Params.min_score` and leads the runner-up by :data:`Params.min_lead`;
an item naming :data:`Params.many` provinces or more without a clear leader is
"national". An item naming no place at all belongs to its publisher's home
province when the source has one (a provincial paper saying "UBND tỉnh …"),
otherwise it is national.

:func:`tune` chooses the parameters on labelled items (the tune part of the
real-news set plus every province an officer corrected in the inbox).
"""

import functools
import itertools
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ttdn.core.text import fold

SOURCE_PROVINCES = Path(__file__).resolve().parent / "data" / "source_provinces.json"

NATIONAL = ""
# Stored as a monitor's label when an item is national (no province).
NATIONAL_LABEL = "00"
DISTRICT_WEIGHT = 0.8
HEADLINE_WEIGHT = 0.5
FIRST_BONUS = 0.5
_WORD = re.compile(r"\w+", re.UNICODE)

# Kinds written before a place name (folded), longest first.
_KINDS = (
    "thanh pho truc thuoc trung uong",
    "thanh pho",
    "thi xa",
    "thi tran",
    "tinh",
    "huyen",
    "quan",
    "tp",
)
_PREFIXES = (
    "Thành phố ",
    "Tỉnh ",
    "Huyện ",
    "Quận ",
    "Thị xã ",
    "Thị trấn ",
)


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _bare(name: str) -> str:
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


@dataclass(frozen=True)
class ProvinceName:
    code: str  # two digits, e.g. "14"
    name: str  # "Tỉnh Sơn La"


@functools.cache
def provinces() -> dict[str, ProvinceName]:
    """The 34 current provinces by code."""
    from vietnam_provinces import Province

    return {
        f"{p.code.value:02d}": ProvinceName(f"{p.code.value:02d}", p.name)
        for p in Province.iter_all()
    }


@functools.cache
def gazetteer() -> "PlaceIndex":
    """Place names of the reference data, each with its successor province."""
    from vietnam_provinces import Province
    from vietnam_provinces._province_conversion_2025 import OLD_TO_NEW
    from vietnam_provinces.legacy import District as LegacyDistrict
    from vietnam_provinces.legacy import Province as LegacyProvince

    def successor(old_code: int) -> str | None:
        entry = OLD_TO_NEW.get(old_code)
        if entry is None:
            return None
        codes = [new.code for new in entry.new_provinces]
        # A province split over two successors (a few wards of Tiền Giang went
        # to Tây Ninh) goes to the successor that kept its code.
        code = old_code if old_code in codes else codes[0]
        return f"{code:02d}"

    province_names: dict[str, set[str]] = defaultdict(set)
    for p in Province.iter_all():
        province_names[" ".join(_words(_bare(p.name)))].add(f"{p.code.value:02d}")
    legacy_province = {}
    for p in LegacyProvince.iter_all():
        code = successor(p.code.value)
        legacy_province[p.code.value] = code
        if code:
            province_names[" ".join(_words(_bare(p.name)))].add(code)
    # Everyday names of provinces written differently from the reference data.
    for alias, code in (
        ("tp hcm", "79"),
        ("tphcm", "79"),
        ("sai gon", "79"),
        ("thua thien hue", "46"),
        ("ba ria vung tau", "79"),
        ("dak nong", "68"),
        ("dac lac", "66"),
        ("dak lak", "66"),
    ):
        province_names[alias].add(code)
    district_names: dict[str, set[str]] = defaultdict(set)
    for d in LegacyDistrict.iter_all():
        code = legacy_province.get(d.province_code.value)
        if code:
            district_names[" ".join(_words(_bare(d.name)))].add(code)
    return PlaceIndex.build(province_names, district_names)


@dataclass
class PlaceIndex:
    bare: dict[str, tuple[str, float]]  # folded bare name → (code, weight)
    kinded: dict[str, tuple[str, float]]  # "huyen quang ninh" → (code, weight)
    # First word → the lengths (in words) of the names that start with it: most
    # words start no name and cost one set lookup (the pipeline's hot path).
    starts: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self):
        lengths: dict[str, set[int]] = defaultdict(set)
        for name in itertools.chain(self.bare, self.kinded):
            words = name.split()
            lengths[words[0]].add(len(words))
        self.starts = {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}

    @classmethod
    def build(cls, province_names, district_names) -> "PlaceIndex":
        bare, kinded = {}, {}
        for name, codes in province_names.items():
            if len(codes) == 1 and name:
                code = next(iter(codes))
                bare[name] = (code, 1.0)
                for kind in ("tinh", "thanh pho", "tp"):
                    kinded[f"{kind} {name}"] = (code, 1.0)
        for name, codes in district_names.items():
            if len(codes) != 1 or not name:
                continue
            code = next(iter(codes))
            for kind in ("huyen", "quan", "thi xa", "thanh pho", "tp", "thi tran"):
                kinded.setdefault(f"{kind} {name}", (code, DISTRICT_WEIGHT))
            if name in province_names or " " not in name:
                continue  # only with its kind
            bare.setdefault(name, (code, DISTRICT_WEIGHT))
            # "Đakrông", "Krông Pắc" are also written as one word.
            bare.setdefault(name.replace(" ", ""), (code, DISTRICT_WEIGHT))
        return cls(bare, kinded)

    def mentions(self, text: str) -> list[tuple[int, str, float]]:
        """(word position, province code, weight) of every place named in *text*;
        the longest name wins where names overlap."""
        words = _words(text)
        found, i = [], 0
        while i < len(words):
            hit = None
            for size in self.starts.get(words[i], ()):
                if i + size > len(words):
                    continue
                phrase = " ".join(words[i : i + size])
                entry = self.kinded.get(phrase) or self.bare.get(phrase)
                if entry:
                    hit = (size, entry)
                    break
            if hit:
                found.append((i, hit[1][0], hit[1][1]))
                i += hit[0]
            else:
                i += 1
        return found


@dataclass(frozen=True)
class Params:
    # The defaults are what tune() chose on the tune part of the real-news set.
    min_score: float = 0.5
    min_lead: float = 2.0  # best / runner-up
    many: int = 4


@dataclass
class Judgement:
    code: str  # "" = national
    score: float
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return provinces()[self.code].name if self.code else ""


def scores(title: str, text: str) -> dict[str, float]:
    index = gazetteer()
    result: dict[str, float] = defaultdict(float)
    body = index.mentions(text or "")
    for position, (_i, code, weight) in enumerate(body):
        result[code] += weight + (FIRST_BONUS if position == 0 else 0.0)
    for _i, code, weight in index.mentions(title or ""):
        result[code] += weight * HEADLINE_WEIGHT
    return dict(result)


def judge(
    title: str, text: str, *, home: str = "", params: Params | None = None
) -> Judgement:
    """The province *title* and *text* are mainly about; *home* is the code of
    the publisher's province (if any)."""
    params = params or DEFAULT_PARAMS
    found = scores(title, text)
    if not found:
        return Judgement(home or NATIONAL, 0.0, found)
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
    best_code, best = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    clear = second == 0 or best >= params.min_lead * second
    if best < params.min_score or (not clear and len(ranked) >= params.many):
        return Judgement(NATIONAL, best, found)
    if not clear and home in (best_code, ranked[1][0]):
        return Judgement(home, found[home], found)
    return Judgement(best_code, best, found)


DEFAULT_PARAMS = Params()


def code_of(name: str) -> str:
    """The code of a province given by name ("" for national or unknown)."""
    if not name:
        return NATIONAL
    folded = " ".join(_words(_bare(unicodedata.normalize("NFC", name))))
    for code, province in provinces().items():
        if " ".join(_words(_bare(province.name))) == folded:
            return code
    return NATIONAL


def tune(rows: list[dict]) -> Params:
    """The parameters with the best accuracy on *rows* (``title``, ``text``,
    ``home`` and ``province_code``); ties keep the defaults' neighbourhood."""
    best, best_hits = DEFAULT_PARAMS, -1
    for min_score, min_lead, many in itertools.product(
        (0.5, 1.0, 1.5), (1.2, 1.5, 2.0), (2, 3, 4)
    ):
        params = Params(min_score, min_lead, many)
        hits = sum(
            judge(r["title"], r["text"], home=r.get("home", ""), params=params).code
            == r["province_code"]
            for r in rows
        )
        if hits > best_hits:
            best, best_hits = params, hits
    return best


def params_as_dict(params: Params) -> dict:
    return asdict(params)


def params_from_dict(data: dict | None) -> Params:
    return Params(**data) if data else DEFAULT_PARAMS


@functools.cache
def _site_homes() -> dict[str, str]:
    hosts = json.loads(SOURCE_PROVINCES.read_text(encoding="utf-8"))["hosts"]
    return {host: code_of(name) for host, name in hosts.items()}


def home_of_site(host: str) -> str:
    """The home province code of a provincial outlet of the real-news set."""
    return _site_homes().get(host or "", NATIONAL)


def labelled_rows(rows: list[dict]) -> list[dict]:
    """Real-news rows with the ``home`` province of their site."""
    return [{**row, "home": home_of_site(row["site"])} for row in rows]
