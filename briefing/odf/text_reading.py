"""Text of a .pptx shape read into :mod:`briefing.odf.model`: paragraphs, runs and bullets
with their size, weight and colour resolved through the list styles the shape inherits (its
own, its layout's and master's placeholders', the master's text styles), and the text box's
insets and anchor.
"""

from __future__ import annotations

from lxml import etree

from briefing.odf.model import Body, Bullet, Paragraph, Run
from briefing.odf.package_reader import NS, Colours


class TextReader:
    """Reads text bodies with one slide master's theme colours."""

    def __init__(self, colours: Colours) -> None:
        self.colours = colours

    def body(
        self,
        tx: etree._Element | None,
        chain: list[etree._Element],
        *,
        style: etree._Element | None,
        default_size: float = 18.0,
        inherited: list[etree._Element] | None = None,
        cell: etree._Element | None = None,
    ) -> Body:
        if tx is None:
            return Body(())
        own = tx.find("a:lstStyle", NS)
        chain = [own, *chain] if own is not None else chain
        font_ref = style.find("a:fontRef", NS) if style is not None else None
        default_colour = self.colours.of(font_ref) if font_ref is not None else None
        default_colour = default_colour or "#" + self.colours.scheme.get("dk1", "000000").lower()
        paragraphs = tuple(
            self._paragraph(p, chain, default_colour, default_size) for p in tx.iterfind("a:p", NS)
        )
        if cell is not None:
            return _cell_body(paragraphs, cell)
        bodies = [tx.find("a:bodyPr", NS)]
        bodies += [s.find("p:txBody/a:bodyPr", NS) for s in inherited or []]
        bodies = [b for b in bodies if b is not None]
        insets = tuple(
            int(first_attr(bodies, attr, default))
            for attr, default in (
                ("lIns", 91440),
                ("tIns", 45720),
                ("rIns", 91440),
                ("bIns", 45720),
            )
        )
        anchor = first_attr(bodies, "anchor", "t")
        wrap = first_attr(bodies, "wrap", "square") != "none"
        return Body(paragraphs, insets, anchor, wrap)  # type: ignore[arg-type]

    def _paragraph(
        self, p: etree._Element, chain: list[etree._Element], colour: str, default_size: float
    ) -> Paragraph:
        ppr = p.find("a:pPr", NS)
        level = int(ppr.get("lvl", "0")) if ppr is not None else 0
        levels = [s.find(f"a:lvl{level + 1}pPr", NS) for s in chain]
        props = [e for e in (ppr, *levels) if e is not None]
        defaults = [e.find("a:defRPr", NS) for e in props]
        defaults = [d for d in defaults if d is not None]
        runs = []
        for child in p:
            tag = etree.QName(child).localname
            if tag in ("r", "fld", "br"):
                runs.append(self._run(child, tag, defaults, colour, default_size))
        end = p.find("a:endParaRPr", NS)
        end_size = _size([end] if end is not None else [], defaults, default_size)
        return Paragraph(
            tuple(runs),
            align=first_attr(props, "algn", "l"),
            margin_left=int(first_attr(props, "marL", 0)),
            indent=int(first_attr(props, "indent", 0)),
            line_points=_spacing(props, "a:lnSpc", "a:spcPts", 100),
            line_percent=_spacing(props, "a:lnSpc", "a:spcPct", 1000),
            before=_spacing(props, "a:spcBef", "a:spcPts", 100) or 0.0,
            after=_spacing(props, "a:spcAft", "a:spcPts", 100) or 0.0,
            bullet=self._bullet(props),
            end_size=end_size,
        )

    def _run(
        self,
        el: etree._Element,
        tag: str,
        defaults: list[etree._Element],
        colour: str,
        default_size: float,
    ) -> Run:
        rpr = el.find("a:rPr", NS)
        sources = ([rpr] if rpr is not None else []) + defaults
        fill = next(
            (s.find("a:solidFill", NS) for s in sources if s.find("a:solidFill", NS) is not None),
            None,
        )
        text = "".join(el.findtext("a:t", "", NS)) if tag != "br" else ""
        return Run(
            text=text,
            size=_size(sources, [], default_size),
            bold=first_attr(sources, "b", "0") in ("1", "true"),
            italic=first_attr(sources, "i", "0") in ("1", "true"),
            colour=(self.colours.of(fill) or colour) if fill is not None else colour,
            field=el.get("type") if tag == "fld" else None,
            line_break=tag == "br",
        )

    def _bullet(self, props: list[etree._Element]) -> Bullet | None:
        for element in props:
            if element.find("a:buNone", NS) is not None:
                return None
            char = element.find("a:buChar", NS)
            if char is not None:
                colour = next(
                    (
                        self.colours.of(e.find("a:buClr", NS))
                        for e in props
                        if e.find("a:buClr", NS) is not None
                    ),
                    None,
                )
                size = next(
                    (
                        int(e.find("a:buSzPct", NS).get("val", "100000"))
                        for e in props
                        if e.find("a:buSzPct", NS) is not None
                    ),
                    100000,
                )
                return Bullet(char.get("char", "•"), colour, size // 1000)
        return None


def _cell_body(paragraphs: tuple[Paragraph, ...], tc_pr: etree._Element) -> Body:
    insets = tuple(
        int(tc_pr.get(attr, default))
        for attr, default in (("marL", 91440), ("marT", 45720), ("marR", 91440), ("marB", 45720))
    )
    return Body(paragraphs, insets, tc_pr.get("anchor", "t"))  # type: ignore[arg-type]


def _size(sources: list[etree._Element], more: list[etree._Element], default: float) -> float:
    value = first_attr([*sources, *more], "sz", "")
    return int(value) / 100 if value else default


def _spacing(props: list[etree._Element], outer: str, inner: str, scale: int) -> float | None:
    for element in props:
        holder = element.find(outer, NS)
        if holder is not None:
            value = holder.find(inner, NS)
            return int(value.get("val", "0")) / scale if value is not None else None
    return None


def first_attr(elements: list[etree._Element], name: str, default: object) -> str:
    """The attribute ``name`` of the first element that has it, else ``default``."""
    for element in elements:
        value = element.get(name)
        if value is not None:
            return value
    return str(default)
