"""Which of a section's own sentences carries its substance: an extractive ranking.

Nothing here writes a word: every line it returns is the report's sentence, or a run of its
clauses cut at the report's own commas and semicolons. A sentence scores

* **centrality**: how much of its vocabulary (character bigrams) the rest of the section and the
  section's title share: the sentence the section is about, not an aside;
* **substance**: numbers, results and policy words (推動, 建立, 提升, 應, 宜, 需要 …) count up;
* **procedure, logistics and attribution** count down: when and where a meeting was held, who
  led the delegation, who spoke first, 「以下為…全文」, 「…表示」;
* a sentence too short to say anything, or one that only introduces a list (ends in a colon),
  counts down.

:func:`best` returns the top sentence cut to fit a width; :func:`rank` the scored sentences, so
a test can say why one won.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.story.typography import normalize

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

_SENTENCE_END = re.compile(r"(?<=[。！？；])(?![」』）])")
_CLAUSE_END = re.compile(r"(?<=[，；：])")
_BOUND = ("是", "且", "言", "已", "後", "外")  # 而是, 而且, 而言, 並且 … are words of their own
_DIGIT = re.compile(r"\d|[一二三四五六七八九十百千萬億兩]+(?:成|倍|項|座|家|人|國|年|大|個)")

#: Words of results and policy: what was done, decided, achieved or proposed.
SUBSTANCE = (
    "推動",
    "建立",
    "建構",
    "提升",
    "降低",
    "減少",
    "增加",
    "創造",
    "促進",
    "強化",
    "改善",
    "整合",
    "轉型",
    "政策",
    "策略",
    "計畫",
    "目標",
    "成效",
    "成果",
    "關鍵",
    "核心",
    "重要",
    "達成",
    "完成",
    "啟動",
    "實施",
    "落實",
    "宜",
    "應",
    "須",
    "需要",
    "必須",
    "建議",
    "值得",
    "參考",
    "借鏡",
    "師法",
    "原因",
    "不是",
    "而是",
    "務實",
    "解決",
    "競爭",
)
#: Words of procedure, logistics and attribution: how the trip or a meeting went, who said it.
PROCEDURE = (
    "會議時間",
    "舉辦",
    "舉行",
    "出席",
    "率隊",
    "拜會",
    "拜訪",
    "報到",
    "致詞",
    "開場",
    "開幕",
    "閉幕",
    "演說",
    "演講",
    "提問",
    "宴請",
    "晚間",
    "接待",
    "參加人員",
    "訪談內容",
    "地點",
    "時間：",
    "行程",
    "主講人",
    "與談",
    "全文",
    "以下為",
    "如下",
    "分述如下",
    "表示",
    "指出",
    "據",
)
#: Words that point back to an earlier sentence: a line starting with one says little alone.
ANAPHORA = ("該", "前述", "上述", "此一", "此項", "這項", "這些", "其", "以我們")
#: Lead-in clauses that say nothing themselves (簡單來說，…): cut before a line.
LEAD_INS = ("簡單來說", "整體而言", "總而言之", "換言之", "值得一提", "具體而言", "一般而言")
#: A clause that only sets the scene (為了…, 因應…, 在…方面, …時): a line may start after it;
#: a line that starts after any other clause has lost its subject.
_LEAD_IN = re.compile(
    r"^(?:為了|為|因應|隨著|依據|根據|針對|在|由於|鑑於|自|於|有鑑於|簡單來說|此外|另外)"
    r"|(?:方面|時|後|下|中|前|來說|而言)[，：]?$"
    r"|^(?:因此|所以|此外|另外|同時|然而|不過|最後|首先|其次)[，：]?$"
)
#: A caption (圖2：…, 表2-1　…, 照片1), a reference, or a line of an itinerary (9月11日…, 10/17 …)
#: is not a sentence of substance.
_CAPTION = re.compile(r"^(?:圖|表|照片|附圖|附表|Figure|Table)\s*[\d一二三四五六七八九十]+")
_DATED = re.compile(r"^(?:\d+年)?\d+月\d+日|^\d+/\d+|^第[一二三四五六七八九十]+天|^\d+\.\D")
_MARKER = re.compile(r"^(?:[（(]\d+[)）]|\d+[.、]|[（(][一二三四五六七八九十]+[)）])\s*")
_OPEN_END = re.compile(r"(?:後|時|前|方面|之外|以外|以前|以後)[，：]?$")
#: The start of a clause that is the predicate of the one before it.
_PREDICATE = ("係", "是", "乃", "即為", "為")
#: Words that join a clause to the one before it; a line never starts with one.
CONNECTIVES = (
    "或者是",
    "或者",
    "或是",
    "最後",
    "首先",
    "其次",
    "因此",
    "是以",
    "爰此",
    "此外",
    "另外",
    "同時",
    "然而",
    "不過",
    "但是",
    "所以",
    "而且",
    "並且",
    "而",
    "並",
    "且",
    "另",
    "亦",
    "則",
    "但",
    "惟",
    "故",
    "爰",
    "都",
    "也",
)


MAX_SENTENCES = 200  # a section's first 200 sentences are ranked (bounded work on any input)
MAX_CLAUSES = 40  # and a sentence's first 40 clauses are cut from


@dataclass(frozen=True)
class Scored:
    """A sentence and why it scored as it did."""

    text: str
    score: float
    centrality: float
    substance: int
    procedure: int
    number: bool
    order: int


def sentences(paragraphs: Iterable[str]) -> list[str]:
    """The sentences of ``paragraphs``, each as written (normalized), ending in its stop."""
    out: list[str] = []
    for paragraph in paragraphs:
        for piece in _SENTENCE_END.split(normalize(paragraph)):
            piece = piece.strip()
            if len(piece) >= 4:
                out.append(piece)
    return out


def clauses(sentence: str) -> list[str]:
    """A sentence cut at its commas, semicolons and colons (never inside an enumeration: each
    clause keeps its mark, so the clauses joined are the sentence)."""
    return [c for c in _CLAUSE_END.split(sentence) if c]


def _bigrams(text: str) -> set[str]:
    han = re.sub(r"[\s\W\d]", "", text)
    return {han[i : i + 2] for i in range(len(han) - 1)}


def _count(text: str, words: tuple[str, ...]) -> int:
    return sum(1 for w in words if w in text)


def rank(
    paragraphs: Iterable[str],
    title: str = "",
    context: Iterable[str] = (),
    marked: Iterable[str] = (),
) -> list[Scored]:
    """The sentences of ``paragraphs`` best first. ``context`` (the section's sub-sections'
    text) counts for centrality but gives no candidates; a sentence the content marks as a
    key sentence (``marked``) counts up."""
    keys = [trim(normalize(m)) for m in marked]
    found = sentences(paragraphs)[:MAX_SENTENCES]
    others = [_bigrams(s) for s in found]
    extra = _bigrams(" ".join([title, *context]))
    scored = []
    for n, text in enumerate(found):
        grams = others[n]
        if not grams:
            continue
        shared = sum(len(grams & o) / len(grams) for m, o in enumerate(others) if m != n)
        centrality = shared / max(1, len(found) - 1) + (len(grams & extra) / len(grams)) * 0.5
        substance = _count(text, SUBSTANCE)
        procedure = _count(text, PROCEDURE)
        number = bool(_DIGIT.search(text))
        score = (
            centrality * 4
            + min(substance, 4) * 0.5
            - procedure * 0.8
            + (0.4 if number else 0)
            - (1.5 if len(text) < 14 else 0)
            - (1.0 if text.endswith(("：", ":")) else 0)
            - (0.5 if len(text) > 160 else 0)
            - (1.0 if text.startswith(ANAPHORA) or "前述" in text or "上述" in text else 0)
            - (4.0 if _CAPTION.match(text) or _DATED.match(text) else 0)
            + (1.5 if any(k and (k in text or text in k) for k in keys) else 0)
        )
        scored.append(Scored(text, score, centrality, substance, procedure, number, n))
    return sorted(scored, key=lambda s: (-s.score, s.order))


def trim(text: str) -> str:
    """A line without a connective dangling at its start or a stop at its end."""
    text = _MARKER.sub("", text.strip()).rstrip("，、；：。")
    for lead in LEAD_INS:
        head, comma, rest = text.partition("，")
        if head.startswith(lead) and len(head) <= len(lead) + 2 and comma and len(rest) > 4:
            text = rest
    changed = True
    while changed:
        changed = False
        for word in CONNECTIVES:
            rest = text[len(word) :]
            if text.startswith(word) and len(rest) > 4 and not rest.startswith(_BOUND):
                text = text[len(word) :].lstrip("，、 ")
                changed = True
                break
    return text


def cut(sentence: str, fits: Callable[[str], bool], prefer: tuple[str, ...] = ()) -> str:
    """The sentence, or the run of its clauses that says most and ``fits``: clauses are
    scored as sentences are (substance up, procedure down); a lead-in (為了…, 因應…) or a
    clause that only names who said it is the first to go; words in ``prefer`` count up.
    Empty when no clause fits."""
    whole = trim(sentence)
    if fits(whole):
        return whole
    parts = clauses(sentence)[:MAX_CLAUSES]
    best, best_score = "", float("-inf")
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            text = trim("".join(parts[start:end]))
            if len(text) < 6:
                continue
            if not fits(text):
                break  # a longer run fits no better
            if all(_LEAD_IN.search(p) for p in parts[start:end]):
                continue  # only the scene (為了…): no point yet
            if end < len(parts) and parts[end].startswith(_PREDICATE):
                continue  # a subject cut from its predicate (…之軸心，係以…)
            if end < len(parts) and _OPEN_END.search(parts[end - 1]):
                continue  # a clause that waits for the next (…審查通過後，)
            score = (
                _count(text, SUBSTANCE) * 0.6
                + _count(text, prefer) * 1.5
                - (1.0 if text.startswith(ANAPHORA) else 0)
                - _count(text, PROCEDURE) * 0.8
                + (0.4 if _DIGIT.search(text) else 0)
                + len(text) / 30
                - (0 if all(_LEAD_IN.search(p) for p in parts[:start]) else 1.5)
                - (3.0 if parts[start].startswith(CONNECTIVES) else 0)
            )
            if score > best_score:
                best, best_score = text, score
    return best


def best(
    paragraphs: Iterable[str],
    fits: Callable[[str], bool],
    title: str = "",
    context: Iterable[str] = (),
    floor: float | None = None,
    marked: Iterable[str] = (),
) -> str:
    """The top-ranked sentence of ``paragraphs`` cut to what ``fits`` (the next one when the
    top one has no clause that fits), or empty; with ``floor``, only sentences scoring above
    it (a section of logistics only has no message of its own)."""
    found = top(paragraphs, fits, title, context, floor, marked, 1)
    return found[0] if found else ""


def top(
    paragraphs: Iterable[str],
    fits: Callable[[str], bool],
    title: str = "",
    context: Iterable[str] = (),
    floor: float | None = None,
    marked: Iterable[str] = (),
    count: int = 3,
) -> list[str]:
    """Up to ``count`` lines, best first, as :func:`best` chooses one."""
    keys = [normalize(m).rstrip("。") for m in marked]
    found: list[str] = []
    for scored in rank(paragraphs, title, context, marked):
        if floor is not None and scored.score <= floor:
            break
        key = next((k for k in keys if k and k in scored.text), "")
        line = cut(key, fits) if key else ""  # the marked part of a longer sentence
        line = line or cut(scored.text, fits)
        if line and line not in found:
            found.append(line)
            if len(found) >= count:
                break
    return found


def best_point(points: Iterable[str], paragraphs: Iterable[str], title: str = "") -> str:
    """Of a section's key points (short phrases cut from its text), the one that carries the
    section's substance by the same measure, so the first point does not win by its place."""
    points = [normalize(p) for p in points if p]
    if not points:
        return ""
    body = sentences(paragraphs)
    grams = [_bigrams(s) for s in body]
    extra = _bigrams(title)

    def score(n: int) -> float:
        text = points[n]
        own = _bigrams(text) or {text}
        central = sum(len(own & g) / len(own) for g in grams) / max(1, len(grams))
        central += len(own & extra) / len(own) * 0.3
        return (
            central * 4
            + min(_count(text, SUBSTANCE), 3) * 0.5
            - _count(text, PROCEDURE) * 0.8
            + (0.3 if _DIGIT.search(text) else 0)
            - (1.0 if len(text) < 8 else 0)
            - (4.0 if _CAPTION.match(text) or _DATED.match(text) else 0)
        )

    top = max(range(len(points)), key=lambda n: (score(n), -n))
    return points[top]
