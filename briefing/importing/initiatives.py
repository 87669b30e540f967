"""Initiative candidates: names in 「」 that read as a programme, plan, platform, law or body,
and names followed by an English name or acronym in brackets (智慧國家計畫辦公室（Smart Nation
Programme Office）). Each comes with the sentence it is first named in and, for an English
name, the words that give it as evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Endings of names that are initiatives rather than quoted phrases.
SUFFIXES = (
    "計畫", "計劃", "方案", "藍圖", "框架", "平臺", "平台", "系統", "法", "條例", "政策", "策略",
    "戰略", "辦公室", "中心", "局", "署", "部", "網", "標準", "協議", "聯盟", "專案", "服務",
    "倡議", "行動", "架構", "機制", "基金", "實驗室", "園區", "學院", "委員會", "入口網", "綱領",
)  # fmt: skip
_QUOTED = re.compile(r"「([^「」，。、]{2,24})」\s*(?:[(（]([A-Za-z][^()（）]{1,80})[)）])?")
_GLOSSED = re.compile(
    r"([\u4e00-\u9fff0-9 ]{2,30}?)\s*[(（]([A-Z][A-Za-z0-9 .,&'’\-/;]{1,80})[)）]"
)
_BREAKS = re.compile(
    r".*(?:設立|成立|推動|推出|建立|採用|公布|啟動|實施|透過|發展|提出|包括|擬定|草擬|訂定|"
    r"由|與|及|和|或|的|之|在|於|為|是|將|以|讓|從|對|把|被|向|給|等|項|個|後|前|自|並|即|稱)"
)


@dataclass
class InitiativeCandidate:
    """An initiative as found: name, English name and the quote that gives it, the sentence
    it is first named in, and the sections that name it (first where it was found)."""

    name: str
    name_en: str | None
    name_en_quote: str | None
    summary: str
    sections: list[str] = field(default_factory=list)


def find_initiatives(text: str) -> list[tuple[str, str | None, str | None, str]]:
    """``(name, name_en, quote, sentence)`` for every candidate named in one paragraph."""
    found: list[tuple[str, str | None, str | None, str]] = []
    for match in _QUOTED.finditer(text):
        name, english = match.group(1).strip(), match.group(2)
        if english and _english_name(english) or name.endswith(SUFFIXES):
            quote = match.group(0) if english and _english_name(english) else None
            found.append(
                (name, english.strip() if quote else None, quote, _sentence(text, match.start()))
            )
    for match in _GLOSSED.finditer(text):
        name = _name(match.group(1))
        english = match.group(2).strip()
        if (
            name
            and _english_name(english)
            and name.endswith(SUFFIXES)
            or name
            and _acronym(english)
        ):
            found.append(
                (
                    name,
                    english,
                    text[match.start(1) + match.group(1).rfind(name) : match.end()],
                    _sentence(text, match.start()),
                )
            )
    return found


def _name(run: str) -> str:
    """The name at the end of a run of Chinese: what follows the last verb or particle."""
    run = run.strip()
    cut = _BREAKS.match(run)
    name = run[cut.end() :] if cut else run
    return name.strip() if len(name.strip()) >= 2 else ""


def _english_name(text: str) -> bool:
    """An English proper name: two or more words starting with capitals, or an acronym."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9\-']*", text)
    capitals = [w for w in words if w[0].isupper()]
    return _acronym(text) or (len(words) >= 2 and len(capitals) >= 2)


def _acronym(text: str) -> bool:
    last = re.split(r"[,;，]\s*", text.strip())[-1]
    return bool(re.fullmatch(r"[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*", last)) and len(last) <= 8


def _sentence(text: str, at: int) -> str:
    start = max((text.rfind(s, 0, at) for s in "。！？；"), default=-1) + 1
    ends = [i for i in (text.find(s, at) for s in "。！？；") if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()


def collect(
    found: list[tuple[str, str, tuple[str, str | None, str | None, str]]],
) -> list[InitiativeCandidate]:
    """Candidates merged by name (``found``: section id, paragraph, candidate), in order."""
    by_name: dict[str, InitiativeCandidate] = {}
    for section, _, (name, english, quote, sentence) in found:
        known = by_name.get(name)
        if known is None:
            by_name[name] = InitiativeCandidate(name, english, quote, sentence, [section])
            continue
        if section not in known.sections:
            known.sections.append(section)
        if known.name_en is None and english:
            known.name_en, known.name_en_quote = english, quote
    return list(by_name.values())
