"""Type sizes and breaks, decided before anything is drawn.

The deck writer sets every paragraph with exact line spacing (``LINE`` × size) and space before
(``GAP`` × size), bullets hanging ``INDENT`` em, no side insets: so the height of a block of
text is known here, from the font's own widths (:mod:`briefing.story.measure`). A block gets the
largest size at which it fits its box with a safety margin (another renderer's metrics may
differ slightly), and each paragraph a right margin where that keeps its last line from being
one or two characters long. Titles have one size on every content slide; a title too long for
one line moves its English name to the subtitle line, never shrinks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing import theme
from briefing.story import measure
from briefing.story.facts import split_english

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.story.plan import Bullet, Card, Table

LINE = 1.25  # line height, × size
GAP = 0.45  # space before a paragraph, × size
INDENT = 1.1  # bullet hanging indent per level, em
SAFETY = 0.95  # text must fit in this share of its box (another renderer may set wider)
TABLE_SAFETY = 0.85  # renderers add their own cell spacing: tables keep more room
# A paragraph with long Latin words is left ragged: renderers break around them differently
# (「（Nordic」 kept together or not), and a line broken early would stretch between characters.
_LONG_LATIN = re.compile(r"[A-Za-z][A-Za-z.'-]{5,}")


def justifiable(text: str) -> bool:
    """Whether ``text`` may be justified: no Latin word long enough that pushing it to the next
    line would leave a gap justification spreads between the characters (「路　徑　（」)."""
    return not _LONG_LATIN.search(text)


_CJK_LATIN = re.compile(r"(?<=[\u3400-\u9fff])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])(?=[\u3400-\u9fff])")
AUTOSPACE = 0.25  # em LibreOffice and PowerPoint add where Chinese meets a Latin letter or digit


def autospace(text: str) -> float:
    """The space (em) renderers add between Chinese and Latin letters or digits in ``text``
    (「1萬8千」 is drawn 「1 萬 8 千」: three gaps that pushed a tile's unit onto a second line)."""
    return AUTOSPACE * len(_CJK_LATIN.findall(text))


STRETCH = 1.5  # em a justified line may be short of its measure before it is left ragged
CARD_PAD = 0.16  # inches of padding inside a card
CARD_BAR = 0.08  # inches of the accent bar at a card's left, inside which its text starts
HANG = 1.0  # em kept free at a card's right for punctuation renderers hang past the line end
_HANGS = re.compile(r"[，。、；：！？,.]")
_NAME_BREAK = re.compile(r"(?<=[—－–、／/，,])")  # where a route or list of places may break
CELL_PAD = 0.06  # inches of padding inside a table cell
CELL_GAP = 0.2  # space before a cell's second paragraph, × size


def pt(emu: int) -> float:
    return emu / theme.EMU_PER_INCH * 72


@dataclass(frozen=True)
class BlockFit:
    """How a block of paragraphs sets: size, height (pt), right margins (em) per paragraph."""

    size: float
    height: float
    margins: tuple[float, ...]
    fits: bool
    even: tuple[bool, ...] = ()  # justify this paragraph (its lines would not stretch far)

    def fill(self, box_height: float) -> float:
        return self.height / box_height if box_height else 1.0


class Setter:
    """Measures text in the deck's regular and bold faces."""

    def __init__(
        self, regular: measure.Metrics = measure.ESTIMATE, bold: measure.Metrics | None = None
    ) -> None:
        self.regular, self.bold = regular, bold or regular

    # -- titles -----------------------------------------------------------------------------
    def title_fits(self, text: str, size: float = theme.TITLE_PT, width: int = 0) -> bool:
        width_pt = pt(width or theme.TITLE_BOX[2]) * SAFETY
        return self.bold.width(text) * size <= width_pt

    def title(self, title: str, subtitle: str = "") -> tuple[str, str, int]:
        """``(title, subtitle, lines)``: the title at the one title size; when too long, its
        English name (or what follows a colon) moves to the subtitle line; a title still too
        long takes two lines."""
        if self.title_fits(title):
            return title, subtitle, 1
        head, english = split_english(title)
        if english and self.title_fits(head):  # after the slide's message line, if any
            return head, _join(subtitle, english), 1
        for mark in ("：", ":", "——", "－"):
            if mark in title:
                first, rest = title.split(mark, 1)
                if first and self.title_fits(first):
                    return first, _join(subtitle, rest.strip()), 1
        return title, subtitle, 2

    def one_line(self, text: str, size: float, width: int, sep: str = "｜") -> tuple[str, str]:
        """``text`` cut at ``sep`` to what fits one line, and what was left out."""
        parts = text.split(sep)
        while len(parts) > 1 and not self.line_fits(sep.join(parts), size, width):
            parts.pop()
        kept = sep.join(parts)
        return kept, text[len(kept) :].lstrip(sep)

    def line_fits(self, text: str, size: float, width: int) -> bool:
        return self.regular.width(text) * size <= pt(width) * SAFETY

    # -- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, text: str, size: float, width_pt: float, *, bold: bool = False):
        metrics = self.bold if bold else self.regular
        return measure.set_paragraph(text, width_pt / size, metrics)

    def block(
        self, bullets: Sequence[Bullet], box: tuple[int, int, int, int], size: float
    ) -> BlockFit:
        """How ``bullets`` set at ``size`` in ``box``."""
        width, height = pt(box[2]), pt(box[3])
        total, margins, even = 0.0, [], []
        for n, bullet in enumerate(bullets):
            own = size if bullet.level == 0 else max(theme.MIN_PT, round(size * 0.85))
            indent = 0.0 if bullet.heading else INDENT * (bullet.level + 1) * own
            fit = self.paragraph(bullet.text, own, width - indent, bold=bullet.heading)
            total += len(fit.lines) * own * LINE + (GAP * own if n else 0.0)
            margins.append(fit.margin_em)
            room = (width - indent) / own - fit.margin_em
            even.append(self._even(fit.lines, room) and not _LONG_LATIN.search(bullet.text))
        fits = total <= height * SAFETY
        return BlockFit(size, total, tuple(margins), fits, tuple(even))

    def _even(self, lines: Sequence[str], room_em: float) -> bool:
        """Whether justifying would look even: no line but the last falls more than
        ``STRETCH`` em short of the measure (a long Latin word pushed down leaves a gap that
        justification would spread between the characters)."""
        return all(room_em - self.regular.width(line) <= STRETCH for line in lines[:-1])

    def best(
        self,
        bullets: Sequence[Bullet],
        box: tuple[int, int, int, int],
        sizes: Sequence[float] = theme.BODY_SIZES,
    ) -> BlockFit:
        """The largest of ``sizes`` at which ``bullets`` fit ``box`` (the smallest when none)."""
        fit = None
        for size in sizes:
            fit = self.block(bullets, box, size)
            if fit.fits:
                return fit
        assert fit is not None
        return fit

    def pages(
        self,
        bullets: Sequence[Bullet],
        box: tuple[int, int, int, int],
        size: float = theme.BODY_MIN_PT,
    ) -> list[list[Bullet]]:
        """``bullets`` cut into pages that fit ``box`` at ``size``, keeping sub-bullets and
        run-in headings with what follows them."""
        groups: list[list[Bullet]] = []
        for bullet in bullets:
            if groups and (bullet.level > 0 or groups[-1][-1].heading):
                groups[-1].append(bullet)
            else:
                groups.append([bullet])
        pages: list[list[list[Bullet]]] = [[]]
        for group in groups:
            candidate = [b for g in pages[-1] for b in g] + group
            if pages[-1] and not self.block(candidate, box, size).fits:
                pages.append([group])
            else:
                pages[-1].append(group)
        pages = [p for p in pages if p]
        if len(pages) > 1 and len(pages[-1]) == 1 and len(pages[-2]) >= 3:
            # a lone point on a continuation slide: carry the previous page's last point over
            moved = [pages[-2][-1], *pages[-1]]
            if self.block([b for g in moved for b in g], box, size).fits:
                pages[-2:] = [pages[-2][:-1], moved]
        return [[b for g in page for b in g] for page in pages]

    # -- cards ----------------------------------------------------------------------------------
    def cards(
        self, cards: Sequence[Card], columns: int, rows: int, box: tuple[int, int, int, int]
    ) -> tuple[float, bool]:
        """The largest card text size at which every card's heading and text fit its cell."""
        width = self.card_width(columns, box)
        height = (pt(box[3]) - (rows - 1) * theme.GAP * 72) / rows - 2 * CARD_PAD * 72
        for size in theme.CARD_SIZES:
            if all(self._card_height(c, size, width) <= height * SAFETY for c in cards):
                return size, True
        return theme.CARD_SIZES[-1], False

    def table(
        self, table: Table, box: tuple[int, int, int, int]
    ) -> tuple[float, tuple[float, ...]]:
        """The largest table text size at which every row fits ``box``, and the column widths
        (fractions) at that size: short columns as wide as their text, long ones share the rest."""
        widths: tuple[float, ...] = ()
        for size in [s for s in theme.TABLE_SIZES if not table.size or s <= table.size]:
            widths = table.widths or self.column_widths(table, size, box)
            height = sum(
                self._row_height(row, widths, size, box, bold=n == 0)
                for n, row in enumerate((table.header, *table.rows))
            )
            if height <= pt(box[3]) * TABLE_SAFETY:
                return size, widths
        return theme.TABLE_SIZES[-1], widths

    def table_fits(self, table: Table, box: tuple[int, int, int, int], size: float) -> bool:
        return sum(self.row_heights(table, box, size)) <= pt(box[3]) * TABLE_SAFETY

    def row_heights(
        self, table: Table, box: tuple[int, int, int, int], size: float
    ) -> tuple[float, ...]:
        """The height (pt) each row of ``table`` needs at ``size``, header first."""
        widths = table.widths or self.column_widths(table, size, box)
        return tuple(
            self._row_height(row, widths, size, box, bold=n == 0)
            for n, row in enumerate((table.header, *table.rows))
        )

    def column_widths(
        self, table: Table, size: float, box: tuple[int, int, int, int]
    ) -> tuple[float, ...]:
        total = pt(box[2])
        pad = 2 * CELL_PAD * 72 + 4
        least, natural = [], []
        for c, head in enumerate(table.header):
            cells = [part for row in table.rows for part in row[c].split("\n")]
            extents = [measure.extent(x, self.regular) for x in cells]
            longest = max([e[0] for e in extents] + [0.0]) * size
            widest = max([e[1] for e in extents] + [0.0]) * size
            floor = max(self.bold.width(head) * size, min(widest, total * 0.25), 4 * size)
            if c in table.unbroken:  # a date or a place name never wraps: its column is as
                # wide as the longest (a route 「臺北—特拉維夫」 breaks only after its dashes)
                names = [n for x in cells for n in _NAME_BREAK.split(x)]
                drawn = max([self.regular.width(x) + autospace(x) for x in names] + [0.0])
                floor = max(floor, drawn * size / SAFETY)
            least.append(floor + pad)
            natural.append(max(floor, longest) + pad)
        if sum(natural) <= total:
            return tuple(n / sum(natural) for n in natural)
        spare = max(total - sum(least), 0.0)
        extra = sum(n - m for n, m in zip(natural, least, strict=True)) or 1.0
        widths = [m + (n - m) * spare / extra for n, m in zip(natural, least, strict=True)]
        return tuple(w / sum(widths) for w in widths)

    def figure_size(self, values: Sequence[tuple[str, str]], width: float) -> float:
        """The largest key-figure size at which every value (and its unit, at half size) fits
        a tile ``width`` points wide."""
        for size in (48, 44, 40, 36, 32, 28, 24):
            if all(
                (self.bold.width(v) + autospace(v) + self.bold.width(u) * 0.5) * size
                <= width * SAFETY
                for v, u in values
            ):
                return size
        return 24

    def _row_height(
        self, row: Sequence[str], widths: Sequence[float], size: float, box, *, bold: bool
    ) -> float:
        height = max(
            sum(
                len(self.paragraph(part, size, pt(box[2]) * w - 2 * CELL_PAD * 72, bold=bold).lines)
                * size
                * LINE
                for part in cell.split("\n")
            )
            + CELL_GAP * size * cell.count("\n")
            for cell, w in zip(row, widths, strict=True)
        )
        return height + 2 * CELL_PAD * 72

    def best_cards(
        self, cards: Sequence[Card], box: tuple[int, int, int, int]
    ) -> tuple[float, int, bool]:
        """The largest size at which ``cards`` fit ``box`` in one of their arrangements, and that
        arrangement's number of columns."""
        best = (0.0, 1, False)
        for columns, rows in arrangements(len(cards)):
            size, fits = self.cards(cards, columns, rows, box)
            if (fits, size) > (best[2], best[0]):
                best = (size, columns, fits)
        return best

    def card_width(self, columns: int, box: tuple[int, int, int, int]) -> float:
        """The measure (pt) of a card's text in a grid of ``columns``: the cell less the padding
        on both sides and the accent bar (the deck writer's text frame, exactly)."""
        cell = (pt(box[2]) - (columns - 1) * theme.GAP * 72) / columns
        return cell - (2 * CARD_PAD + CARD_BAR) * 72

    def card_margins(
        self, cards: Sequence[Card], columns: int, box: tuple[int, int, int, int], size: float
    ) -> tuple[float, ...]:
        """The right margin (em) of each card's text that keeps its last line from being one or
        two characters long (「擔任解／說」), as :meth:`block` gives bullets."""
        width = self.card_width(columns, box)
        return tuple(
            self.paragraph(c.text, size, width - hang(c.text) * size).margin_em + hang(c.text)
            if c.text
            else 0.0
            for c in cards
        )

    def card_even(
        self, cards: Sequence[Card], columns: int, box: tuple[int, int, int, int], size: float
    ) -> tuple[bool, ...]:
        """Whether each card's text may be justified: no long Latin word, no digit or Latin
        letter next to Chinese, and no line but the last short enough to spread."""
        width = self.card_width(columns, box)
        even = []
        for c in cards:
            fit = self.paragraph(c.text, size, width - hang(c.text) * size)
            room = width / size - hang(c.text) - fit.margin_em
            # renderers widen a line where Chinese meets a digit and break it earlier than the
            # measure: justifying then spreads the line before it (「成 效 良 好 … 補」)
            plain = justifiable(c.text) and not autospace(c.text)
            even.append(plain and self._even(fit.lines, room))
        return tuple(even)

    def _card_height(self, card: Card, size: float, width: float) -> float:
        heading_width = width - (self.bold.width(card.number) * size * 1.6 if card.number else 0)
        lines = len(self.paragraph(card.heading, size * 1.1, heading_width, bold=True).lines)
        total = lines * size * 1.1 * LINE
        if card.text:
            narrower = width - hang(card.text) * size
            total += GAP * size + len(self.paragraph(card.text, size, narrower).lines) * size * LINE
        if card.tag:
            tag_lines = len(self.paragraph(card.tag, theme.MIN_PT, width).lines)
            total += GAP * size + tag_lines * theme.MIN_PT * LINE
        return total


def hang(text: str) -> float:
    """The em a card keeps free at its right for punctuation hung past the line's end (a
    「，」 drawn past the card's edge): :data:`HANG` when ``text`` has any, else none."""
    return HANG if _HANGS.search(text) else 0.0


def arrangements(count: int) -> list[tuple[int, int]]:
    """Ways to lay out ``count`` cards: the grid, and one card per row (for cards of long text,
    full-width rows read better than narrow boxes)."""
    found = [grid(count)]
    if 1 < count <= 4 and found[0] != (1, count):
        found.append((1, count))
    return found


def grid(count: int) -> tuple[int, int]:
    """Columns and rows for ``count`` cards: 2 → 2×1, 3 → 3×1, 4 → 2×2, 5–6 → 3×2."""
    if count <= 3:
        return max(count, 1), 1
    if count == 4:
        return 2, 2
    return 3, (count + 2) // 3


def _join(first: str, second: str) -> str:
    return f"{first}｜{second}" if first and second else first or second
