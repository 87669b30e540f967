"""The body's headings made into the report's section tree.

Numbered headings nest by their numbering style: a heading whose style is already open above
it closes everything below that and becomes its sibling; a new style opens a level below the
current heading. Unnumbered headings (前言, 結論, or a line a Word or ODF heading style marks)
take the level their style gives, or the top. Everything between two headings is the first
one's text. What was guessed is noted for the import report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.content.numbering import Number, label
from briefing.importing.blocks import Block, Paragraph, Table
from briefing.importing.headings import ORDER, Heading, detect, unnumbered_kind
from briefing.importing.notes import where_of

if TYPE_CHECKING:
    from briefing.importing.notes import Notes
    from briefing.importing.structure import Contents

_KIND_WORDS = (
    ("appendix", ("附錄", "附件", "參考資料", "參考文獻")),
    ("recommendations", ("心得", "建議", "結論", "結語", "檢討")),
    ("abstract", ("摘要",)),
    ("preface", ("前言", "緒論", "緒言", "序言", "緣起", "背景")),
    ("process", ("過程", "行程", "經過", "紀要")),
    ("visit", ("拜會", "參訪", "拜訪", "訪問")),
)
#: Parts whose numbered 「一、…：…」 lines are list items (recommendations, contacts), not doubts.
_LISTS = ("recommendations", "appendix")
#: Numbering styles no list uses: 「壹、目的：本次…」 is a heading with a lead sentence.
_ALWAYS_HEADINGS = ("formal", "chapter-章", "chapter-篇", "chapter-節")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_FORMAL_DIGITS = {c: i for i, c in enumerate("零壹貳參肆伍陸柒捌玖")} | {"叁": 3}


@dataclass
class Node:
    """A section while the tree is built: heading, text and children."""

    title: str
    number: Number | None = None
    style: str | None = None
    kind: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    id: str = ""
    guessed: bool = False

    def walk(self) -> list[Node]:
        """This node and every node below it, in report order."""
        return [self, *(n for child in self.children for n in child.walk())]


class _Builder:
    def __init__(self, contents: Contents, notes: Notes) -> None:
        self.contents, self.notes = contents, notes
        self.roots: list[Node] = []
        self.stack: list[Node] = []

    def text(self, text: str) -> None:
        if not self.stack:
            self._open(Node(title="前言", kind="preface", guessed=True), 1)
        self.stack[-1].paragraphs.append(text)

    def table(self, table: Table) -> None:
        if self.stack:
            self.stack[-1].tables.append(table)

    def numbered(self, heading: Heading, confirmed: bool, where: str = "") -> bool:
        """Open a section for ``heading``; False when it is kept as text."""
        confirmed = confirmed or self.contents.confirms(heading.label, heading.title)
        open_at = next(
            (i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].style == heading.style),
            None,
        )
        shown = heading.shown
        if open_at is None and not heading.first and not confirmed:
            self.notes.add(
                "not-headings",
                f"「{shown}」：前面沒有同一編號樣式的「一」或「1」，目次也未列出；若是標題，"
                "請補上前面的標題或套用標題樣式",
                en=f"「{shown}」: no 一 or 1 of its style before it and not in the 目次; if it "
                "is a heading, add the headings before it or give it a heading style",
                where=where,
            )
            return False
        if open_at is not None:
            self._check_sequence(self.stack[open_at], heading)
            del self.stack[open_at:]
        else:
            if not heading.first:
                self.notes.add(
                    "numbering",
                    f"「{shown}」開啟新的層級，但不是由一起始",
                    en=f"「{shown}」 opens a level without its first number",
                    where=where,
                )
            if heading.style == "appendix":
                self._close_to_appendix()
        node = Node(heading.title, heading.number, heading.style, guessed=not confirmed)
        if heading.lead:
            node.paragraphs.append(heading.lead)
        self._attach(node)
        if node.guessed:
            self.notes.add("guessed", shown, where=where)
        return True

    def _close_to_appendix(self) -> None:
        """附錄一 goes under an open 附錄 heading, else to the top level."""
        at = next(
            (i for i in range(len(self.stack) - 1, -1, -1) if _is_appendix(self.stack[i].title)),
            None,
        )
        del self.stack[(at + 1 if at is not None else 0) :]

    def unnumbered(self, title: str, level: int, confirmed: bool) -> None:
        del self.stack[max(0, level - 1) :]
        node = Node(title, guessed=not confirmed)
        self._attach(node)
        if node.guessed:
            self.notes.add("guessed", f"「{title}」（無編號）", en=f"「{title}」 (no number)")

    def _open(self, node: Node, level: int) -> None:
        del self.stack[level - 1 :]
        self._attach(node)

    def _attach(self, node: Node) -> None:
        (self.stack[-1].children if self.stack else self.roots).append(node)
        self.stack.append(node)

    def _check_sequence(self, previous: Node, heading: Heading) -> None:
        before = _value(previous.number.text) if previous.number else None
        now = _value(heading.number.text)
        if before is not None and now is not None and now != before + 1:
            shown = f"{heading.label}{heading.title}"
            self.notes.add(
                "numbering",
                f"「{shown}」接在{previous.number.text}之後",
                en=f"「{shown}」 follows {previous.number.text}",
            )


def build(
    body: list[Block], contents: Contents, notes: Notes, *, lenient: bool = False
) -> list[Node]:
    """The section tree of the report body (front matter and contents already removed).
    ``lenient``: a heading with a lead sentence after its colon needs no confirmation (the
    second try for a report that has no other headings)."""
    builder = _Builder(contents, notes)
    items = [b for b in body if isinstance(b, Paragraph | Table)]
    i = 0
    while i < len(items):
        item = items[i]
        i += 1
        if isinstance(item, Table):
            builder.table(item)
            continue
        heading = detect(item.text)
        if heading is not None:
            if not heading.title and i < len(items) and _title_line(items[i]):
                heading = Heading(heading.number, heading.style, heading.label, items[i].text)  # type: ignore[union-attr]
                i += 1
            quiet = bool(builder.stack) and kind_of(builder.stack[0].title) in _LISTS
            heading = _confirmed_form(
                heading, item, contents, None if quiet else notes, lenient=lenient and not quiet
            )
            if (
                heading is not None
                and heading.title
                and builder.numbered(heading, _marked(item, heading), where_of(item))
            ):
                continue
        elif _unnumbered(item, contents):
            level = item.level if item.level is not None else _plain_level(builder, item.text)
            confirmed = item.level is not None or item.all_bold or contents.confirms("", item.text)
            builder.unnumbered(item.text.strip().rstrip("：:"), level, confirmed)
            continue
        builder.text(item.text)
    roots = builder.roots
    _skipped_levels(roots, notes)
    _assign(roots)
    return roots


def _plain_level(builder: _Builder, text: str) -> int:
    """The level of an unstyled standard heading: below an open top-level part whose title
    holds it (心得 under 參、心得及建議), else the top."""
    word = text.strip().rstrip("：:")
    top = builder.stack[0].title if builder.stack else ""
    return 2 if word and word in top and word != top else 1


def _marked(item: Paragraph, heading: Heading) -> bool:
    """Whether the document marks ``heading`` as one: a heading style, or its number and
    title in bold."""
    return item.level is not None or item.bold >= len(heading.shown.replace(" ", "")) > 0


def _confirmed_form(
    heading: Heading,
    item: Paragraph,
    contents: Contents,
    notes: Notes | None,
    *,
    lenient: bool = False,
) -> Heading | None:
    """The heading as the line holds it: the whole line when the document marks all of it
    as a heading (style, bold) or the 目次 lists it whole; else the part before the colon,
    with the rest as its first paragraph, when that part is marked or listed; else None
    (a numbered paragraph with a lead-in, such as a recommendation 「一、…：建議…」)."""
    if not heading.lead:
        return heading
    whole = heading.without_lead()
    if heading.whole and (
        contents.confirms(whole.label, whole.title)
        or (item.level is not None and item.bold == 0)
        or item.all_bold
    ):
        return whole
    if _marked(item, heading) or contents.confirms(heading.label, heading.title):
        return heading
    if lenient or heading.style in _ALWAYS_HEADINGS:
        if notes is not None:
            notes.add(
                "guessed",
                f"「{heading.shown}」（冒號後的文字作為其第一段）",
                en=f"「{heading.shown}」 (the text after its colon as its first paragraph)",
                where=where_of(item),
            )
        return heading
    if notes is None:  # a numbered recommendation 「一、…：建議…」 in a 建議 part, or a list
        return None
    notes.add(
        "not-headings",
        f"「{heading.shown}：{heading.lead[:12]}…」：冒號後接內文，且不在目次、非粗體、未套用"
        "標題樣式，保留為內文；若是標題，請將冒號後的文字另起一段",
        en=f"「{heading.shown}：{heading.lead[:12]}…」: text follows the colon, and the heading "
        "is neither in the 目次 nor bold nor in a heading style; if it is a heading, start a "
        "new paragraph after the colon",
        where=where_of(item),
    )
    return None


def _is_appendix(title: str) -> bool:
    return unnumbered_kind(title) == "appendix" or title.strip() in ("附錄", "附件")


def _title_line(item: Paragraph | Table) -> bool:
    return (
        isinstance(item, Paragraph)
        and detect(item.text) is None
        and len(item.text) <= 30
        and not re.search(r"[。，；]", item.text)
    )


def _unnumbered(item: Paragraph, contents: Contents) -> bool:
    """An unnumbered heading: a known word alone on its line (前言, 結論), or a short line a
    heading style marks."""
    if unnumbered_kind(item.text) is not None:
        return True
    if item.level is None or len(item.text) > 40 or re.search(r"[。；]", item.text):
        return False
    return item.level <= 3 or contents.confirms("", item.text)


def _value(text: str) -> int | None:
    """A section number as an integer (三 -> 3, 十二 -> 12, 參 -> 3, C -> 3), or None."""
    text = re.sub(r"^第|[章節篇]$|^附錄|^附件", "", text).split(".")[-1]
    if text.isdigit():
        return int(text)
    if len(text) == 1 and text.isascii() and text.isalpha():
        return ord(text.upper()) - ord("A") + 1
    digits = _FORMAL_DIGITS if text[:1] in _FORMAL_DIGITS or text[:1] == "拾" else _CN_DIGITS
    ten = "拾" if digits is _FORMAL_DIGITS else "十"
    if ten in text:
        tens, _, ones = text.partition(ten)
        return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(text) if len(text) == 1 else None


def _skipped_levels(roots: list[Node], notes: Notes) -> None:
    """Note headings whose style is more than one step below their parent's, counting only
    the styles the report uses."""
    used = sorted({n.style for r in roots for n in r.walk() if n.style}, key=_rank)
    for root in roots:
        for node in root.walk():
            for child in node.children:
                if (
                    node.style
                    and child.style
                    and used.index(child.style) > used.index(node.style) + 1
                ):
                    notes.add(
                        "skipped",
                        f"「{child.title}」直接位於「{node.title}」之下",
                        en=f"「{child.title}」 under 「{node.title}」",
                    )


def _rank(style: str) -> int:
    return ORDER.index(style) if style in ORDER else len(ORDER)


# -- ids, kinds, numbers -------------------------------------------------------------------
def _assign(roots: list[Node]) -> None:
    """Kinds of the top-level sections, and an id for every section."""
    used: set[str] = set()
    for i, root in enumerate(roots, start=1):
        root.kind = root.kind or kind_of(root.title)
        wanted = root.kind if root.kind not in (None, "content") else f"s{i}"
        root.id = wanted if wanted not in used else f"s{i}"
        used.add(root.id)
        _child_ids(root)


def _child_ids(node: Node) -> None:
    for i, child in enumerate(node.children, start=1):
        child.id = f"{node.id}-{i}"
        _child_ids(child)


def kind_of(title: str) -> str:
    """The kind of a top-level section from its title (心得及建議 -> recommendations)."""
    for kind, words in _KIND_WORDS:
        if any(word in title for word in words):
            return kind
    return "content"


def paren_flag(node: Node, ancestors: list[Number | None]) -> bool | None:
    """``paren`` for the section data: set only where the report's brackets differ from what
    :func:`briefing.content.numbering.label` prints below ``ancestors`` (as stored)."""
    if node.number is None or node.number.paren is None:
        return None
    printed = label(Number(node.number.text), ancestors).startswith("(")
    return node.number.paren if printed != node.number.paren else None
