"""What the .odp writer needs of a slide, resolved: every shape with its position, fill, line
and text, every paragraph and run with the size, weight and colour it is drawn with (after the
placeholder, layout and master inheritance of the .pptx). Lengths are EMU, sizes points.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    text: str
    size: float  # points
    bold: bool
    colour: str  # "#rrggbb"
    italic: bool = False
    field: str | None = None  # "slidenum": the page number
    line_break: bool = False


@dataclass(frozen=True)
class Bullet:
    char: str
    colour: str | None
    size_percent: int = 100


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    align: str = "l"  # l, ctr, r, just
    margin_left: int = 0
    indent: int = 0
    line_points: float | None = None  # exact line spacing
    line_percent: float | None = None  # proportional line spacing
    before: float = 0.0  # points
    after: float = 0.0
    bullet: Bullet | None = None
    end_size: float = 18.0  # size of an empty paragraph

    @property
    def text(self) -> str:
        return "".join("\n" if r.line_break else r.text for r in self.runs)


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[Paragraph, ...]
    insets: tuple[int, int, int, int] = (91440, 45720, 91440, 45720)  # left, top, right, bottom
    anchor: str = "t"  # t, ctr, b
    wrap: bool = True


@dataclass(frozen=True)
class Cell:
    body: Body
    fill: str | None
    span: int = 1
    merged: bool = False  # covered by a neighbour's span


@dataclass(frozen=True)
class Table:
    columns: tuple[int, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]  # (height, cells)


@dataclass(frozen=True)
class Shape:
    kind: str  # text, rect, ellipse, line, picture, table
    name: str
    box: tuple[int, int, int, int]  # x, y, width, height
    fill: str | None = None
    line: str | None = None
    line_width: int = 0
    flip: tuple[bool, bool] = (False, False)
    body: Body | None = None
    placeholder: str | None = None  # the ODF presentation class: title, subtitle, outline …
    image: str | None = None  # the picture's part name in the .pptx
    title: str = ""
    description: str = ""
    table: Table | None = None


@dataclass(frozen=True)
class Layout:
    name: str
    shapes: tuple[Shape, ...]  # the master's and the layout's own, placeholders left out
    background: str | None


@dataclass(frozen=True)
class Slide:
    layout: str  # the layout's part name in the .pptx (Deck.layouts' key)
    shapes: tuple[Shape, ...]
    notes: Body | None
    background: str | None = None


@dataclass
class Deck:
    width: int
    height: int
    slides: list[Slide] = field(default_factory=list)
    layouts: dict[str, Layout] = field(default_factory=dict)  # by the layout's part name
    images: dict[str, bytes] = field(default_factory=dict)  # .pptx part name -> bytes
