"""Does a text concern the province? A gazetteer of the names the directory holds,
matched without regard to diacritics, case, spacing or punctuation ("Son La",
"SƠN LA", "Sơn  La", "Sơn-La" all match "Sơn La").

Names are matched as whole words: the text and every name are folded
(``ttdn.core.text.fold``) and cut into words, and a name matches only a run of whole
words ("Sơn La" does not match "Sơn Lâm" or "Sơn Lao"). Where names overlap the
longest wins ("Xã Chiềng Sơn" before "Chiềng Sơn").

Strength of each name:

* the province's current and former names (with and without "Tỉnh"), the full names
  of its wards, communes and historic districts ("Xã Vân Hồ"), its organisations and
  officials — *strong*: one is enough;
* a ward's or commune's bare name ("Vân Hồ") — strong when distinctive; when it is
  a single word, an ordinary phrase ("Đoàn Kết", "Thảo Nguyên") or also the name of
  a unit of another province, it is not matched at all without its kind;
* foreign partners (names and original names) and foreign guests — *weak*: shown
  with the item but never enough on their own (an item about Hủa Phăn alone is
  about Laos, not about Sơn La); the item is relevant when a strong name is there.

The database side (reading the directory) is ``selectors.build_gazetteer``.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ttdn.core.text import fold, nfc

_WORD = re.compile(r"\w+", re.UNICODE)

STRONG, WEAK = 1.0, 0.5

# Ordinary Vietnamese words and phrases (and river names) that are also ward or
# commune names (folded). Such a name matches only with its kind ("xã Đoàn Kết").
COMMON_PHRASES = frozenset(
    {
        "an binh",
        "an hoa",
        "an lac",
        "an phu",
        "an thinh",
        "binh an",
        "binh minh",
        "dai dong",
        "doan ket",
        "doc lap",
        "dong tam",
        "hoa an",
        "hoa binh",
        "hung thinh",
        "hop nhat",
        "kim dong",
        "nhan nghia",
        "phu loc",
        "phuc loi",
        "quang trung",
        "quyet tam",
        "quyet thang",
        "tan lap",
        "tan phong",
        "tan tien",
        "thai binh",
        "thanh cong",
        "thao nguyen",
        "thang loi",
        "thong nhat",
        "tien phong",
        "tien thang",
        "tien tien",
        "trung tam",
        "tu do",
        "van hoa",
        "hoa lac",
        "chien thang",
        "hoa thuan",
        "phu hoa",
        "song phuong",
        # Rivers that give their name to communes ("sông Mã" is Thanh Hóa's too).
        "song ma",
        "song da",
        "song hong",
        "song lo",
        "song gam",
        "song cau",
        "song chay",
        "song bo",
        "song con",
        "song ca",
        "tan thanh",
        "tan hoa",
    }
)


def tokens(text: str) -> list[str]:
    return _WORD.findall(fold(nfc(text or "")))


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    label: str
    kind: str
    weight: float = STRONG


@dataclass
class Relevance:
    relevant: bool
    province: str | None
    matches: list[str] = field(default_factory=list)
    score: float = 0.0


UNIT_PREFIXES = (
    "Thành phố",
    "Tỉnh",
    "Phường",
    "Xã",
    "Đặc khu",
    "Huyện",
    "Quận",
    "Thị xã",
    "Thị trấn",
)


def bare_name(name: str) -> str:
    """``Xã Vân Hồ`` → ``Vân Hồ``."""
    name = nfc(name.strip())
    for prefix in UNIT_PREFIXES:
        if name.startswith(prefix + " "):
            return name[len(prefix) + 1 :]
    return name


def distinctive(bare: str, *, elsewhere: frozenset[str]) -> bool:
    """Whether a ward's or commune's bare name can be matched on its own."""
    words = tokens(bare)
    key = " ".join(words)
    return len(words) >= 2 and key not in COMMON_PHRASES and key not in elsewhere


class Gazetteer:
    def __init__(self, terms: list[Term], *, province: str | None):
        self.province = province
        self.terms = terms
        index: dict[str, list[Term]] = defaultdict(list)
        best: dict[tuple, Term] = {}
        for term in terms:
            if not term.words:
                continue
            kept = best.get(term.words)
            if kept is None or term.weight > kept.weight:
                best[term.words] = term
        for term in best.values():
            index[term.words[0]].append(term)
        for candidates in index.values():
            candidates.sort(key=lambda t: -len(t.words))
        self._index = dict(index)

    def __len__(self):
        return sum(len(v) for v in self._index.values())

    @classmethod
    def build(
        cls,
        *,
        province: str | None,
        province_names: list[str] = (),
        former_names: list[str] = (),
        units: list[str] = (),
        organisations: list[str] = (),
        people: list[str] = (),
        partners: list[str] = (),
        guests: list[str] = (),
        elsewhere: frozenset[str] = frozenset(),
    ) -> "Gazetteer":
        """A gazetteer from names (see the module docstring for their strength).
        *units* are full names of wards, communes and historic districts;
        *elsewhere* the folded bare names of units of other provinces."""
        terms: list[Term] = []

        def add(name, kind, weight=STRONG):
            words = tuple(tokens(name))
            if words:
                terms.append(Term(words, nfc(name.strip()), kind, weight))

        for name in province_names:
            add(name, "province")
            add(bare_name(name), "province")
        for name in former_names:
            add(name, "former_province")
            add(bare_name(name), "former_province")
        for name in units:
            add(name, "unit")
            bare = bare_name(name)
            if bare != name and distinctive(bare, elsewhere=elsewhere):
                add(bare, "unit")
        for name in organisations:
            add(name, "organisation")
        for name in people:
            if len(tokens(name)) >= 2:
                add(name, "person")
        for name in partners:
            if len(tokens(name)) >= 2 or len(name) >= 4:
                add(name, "partner", WEAK)
        for name in guests:
            if len(tokens(name)) >= 2:
                add(name, "guest", WEAK)
        return cls(terms, province=province)

    def find(self, text: str) -> list[Term]:
        """Every name in *text*, longest first where names overlap."""
        words = tokens(text)
        found, i = [], 0
        while i < len(words):
            for term in self._index.get(words[i], ()):
                size = len(term.words)
                if tuple(words[i : i + size]) == term.words:
                    found.append(term)
                    i += size
                    break
            else:
                i += 1
        return found

    def match(self, text: str) -> Relevance:
        found = self.find(text)
        labels, seen, score = [], set(), 0.0
        for term in found:
            if term.words in seen:
                continue
            seen.add(term.words)
            labels.append(term.label)
            score += term.weight
        relevant = self.province is not None and any(
            term.weight >= STRONG for term in found
        )
        return Relevance(
            relevant=relevant,
            province=self.province if relevant else None,
            matches=labels,
            score=score,
        )
