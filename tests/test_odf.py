"""The .odp beside the .pptx (``--format``): it opens, it carries the deck's own faces the way
LibreOffice embeds fonts, every slide shows the .pptx's text, it is valid OASIS ODF 1.3, and the
PDF LibreOffice makes from it embeds the fonts and keeps the deck's text."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from briefing import api
from briefing.cli import main

SCHEMA = Path(__file__).parent / "data" / "odf-schema"
REPORTS = Path(__file__).parent / "data" / "reports"
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}
#: namespaces ODF 1.3 defines or uses (OASIS ones, XLink, Dublin Core, MathML, XForms, XHTML…)
ODF_NAMESPACES = (
    "urn:oasis:names:tc:opendocument:",
    "http://www.w3.org/",
    "http://purl.org/dc/elements/1.1/",
)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext and pdfinfo (poppler) are not installed"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> api.BuildResult:
    """The default deck as .pptx and .odp, built once."""
    target = tmp_path_factory.mktemp("odf") / "deck.pptx"
    return api.build(api.options_from_recipe(None, output=target, formats=("pptx", "odp")))


@pytest.fixture(scope="module")
def odp(built: api.BuildResult) -> zipfile.ZipFile:
    return zipfile.ZipFile(built.output.with_suffix(".odp"))


def xml(package: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(package.read(name))


# -- the package -----------------------------------------------------------------------------
def test_one_build_writes_both_files_with_the_same_base_name(built: api.BuildResult) -> None:
    assert [p.name for p in built.outputs] == ["deck.pptx", "deck.odp"]
    assert built.to_json()["outputs"] == [str(p) for p in built.outputs]


def test_the_odp_opens_with_odfdo_with_a_page_per_slide(built: api.BuildResult) -> None:
    from odfdo import Document

    document = Document(str(built.output.with_suffix(".odp")))
    pages = document.body.get_draw_pages()
    assert document.mimetype == "application/vnd.oasis.opendocument.presentation"
    assert len(pages) == built.slide_count
    assert pages[0].get_formatted_text().strip().startswith(built.plan.slides[0].title[:4])


def test_mimetype_comes_first_and_stored(odp: zipfile.ZipFile) -> None:
    first = odp.infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    assert odp.read("mimetype") == b"application/vnd.oasis.opendocument.presentation"


def test_the_manifest_lists_the_fonts_and_the_font_faces_point_at_them(
    odp: zipfile.ZipFile,
) -> None:
    manifest = xml(odp, "META-INF/manifest.xml")
    entries = {
        e.get(f"{{{NS['manifest']}}}full-path"): e.get(f"{{{NS['manifest']}}}media-type")
        for e in manifest
    }
    fonts = {path for path, kind in entries.items() if kind == "application/x-font-ttf"}
    assert fonts == {"Fonts/NotoSansTC-Regular.ttf", "Fonts/NotoSansTC-Bold.ttf"}
    assert set(entries) - {"/"} == set(odp.namelist()) - {"mimetype", "META-INF/manifest.xml"}
    for part in ("content.xml", "styles.xml"):
        faces = xml(odp, part).findall("office:font-face-decls/style:font-face", NS)
        uris = {
            uri.get(f"{{{NS['xlink']}}}href"): uri.find("svg:font-face-format", NS).get(
                f"{{{NS['svg']}}}string"
            )
            for face in faces
            for uri in face.iterfind("svg:font-face-src/svg:font-face-uri", NS)
        }
        assert uris == dict.fromkeys(fonts, "truetype"), part
        assert [f.get(f"{{{NS['style']}}}name") for f in faces] == ["Noto Sans TC"]


def test_embed_fonts_is_set(odp: zipfile.ZipFile) -> None:
    items = {
        item.get(f"{{{NS['config']}}}name"): item.text
        for item in xml(odp, "settings.xml").iter(f"{{{NS['config']}}}config-item")
    }
    assert items["EmbedFonts"] == "true"


def test_the_fonts_are_the_subsets_the_pptx_embeds(
    built: api.BuildResult, odp: zipfile.ZipFile
) -> None:
    """The same TrueType bytes as inside the .pptx's EOT parts, so the same fsType decisions;
    each is one static TrueType face of the family, bold marked bold."""
    with zipfile.ZipFile(built.output) as pptx:
        eots = [pptx.read(n) for n in sorted(pptx.namelist()) if n.endswith(".fntdata")]
    in_pptx = set()
    for eot in eots:
        size, data_size = struct.unpack_from("<2I", eot)
        in_pptx.add(eot[size - data_size :])
    ttfs = {name: odp.read(name) for name in odp.namelist() if name.startswith("Fonts/")}
    assert set(ttfs.values()) == in_pptx
    for name, data in ttfs.items():
        font = TTFont(io.BytesIO(data))
        assert "glyf" in font and "fvar" not in font
        assert font["name"].getDebugName(1) == "Noto Sans TC"
        assert bool(font["OS/2"].fsSelection & 0x20) == name.endswith("Bold.ttf")
        assert font["OS/2"].fsType & 0x0202 == 0  # restricted or bitmap-only never embedded


def test_pictures_are_the_pptx_pictures(built: api.BuildResult, odp: zipfile.ZipFile) -> None:
    with zipfile.ZipFile(built.output) as pptx:
        media = {n.rsplit("/", 1)[1]: pptx.read(n) for n in pptx.namelist() if "/media/" in n}
    pictures = {
        n.split("/", 1)[1]: odp.read(n) for n in odp.namelist() if n.startswith("Pictures/")
    }
    assert pictures == media
    hrefs = {
        image.get(f"{{{NS['xlink']}}}href")
        for image in xml(odp, "content.xml").iter(f"{{{NS['draw']}}}image")
    }
    assert hrefs == {f"Pictures/{name}" for name in media}


# -- the slides ------------------------------------------------------------------------------
def _pptx_pages(path: Path) -> tuple[list[list[str]], list[str]]:
    from pptx import Presentation

    prs = Presentation(str(path))
    slides, notes = [], []
    for slide in prs.slides:
        texts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts += [p.text for p in shape.text_frame.paragraphs]
            if getattr(shape, "has_table", False) and shape.has_table:
                texts += [
                    p.text
                    for row in shape.table.rows
                    for c in row.cells
                    for p in c.text_frame.paragraphs
                ]
        slides.append([t for t in texts if t.strip()])
        notes.append(slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "")
    return slides, notes


def _paragraph_text(p: etree._Element) -> str:
    out = [p.text or ""]
    for child in p:
        tag = etree.QName(child).localname
        if tag == "span":
            out.append(_paragraph_text(child))
        elif tag == "s":
            out.append(" " * int(child.get(f"{{{NS['text']}}}c", "1")))
        elif tag == "tab":
            out.append("\t")
        elif tag == "line-break":
            out.append("\v")
        elif tag == "page-number":
            out.append(child.text or "")
        out.append(child.tail or "")
    return "".join(out)


def _odp_pages(package: zipfile.ZipFile) -> tuple[list[list[str]], list[str]]:
    slides, notes = [], []
    for page in xml(package, "content.xml").iterfind(".//draw:page", NS):
        note = page.find("presentation:notes", NS)
        if note is not None:
            page.remove(note)
            paras = note.iter(f"{{{NS['text']}}}p")
            notes.append("\n".join(_paragraph_text(p) for p in paras))
        texts = [_paragraph_text(p) for p in page.iter(f"{{{NS['text']}}}p")]
        slides.append([t for t in texts if t.strip()])
    return slides, notes


def test_every_slide_shows_the_pptx_text_and_notes(
    built: api.BuildResult, odp: zipfile.ZipFile
) -> None:
    pptx_slides, pptx_notes = _pptx_pages(built.output)
    odp_slides, odp_notes = _odp_pages(odp)
    assert len(odp_slides) == len(pptx_slides) == built.slide_count
    for number, (want, got) in enumerate(zip(pptx_slides, odp_slides, strict=True), start=1):
        assert got == want, f"slide {number}"
    assert odp_notes == pptx_notes
    assert all(odp_notes)


def test_runs_keep_size_weight_and_colour(odp: zipfile.ZipFile) -> None:
    """The first slide's title is the .pptx's: bold, in the deck's navy, at its size."""
    content = xml(odp, "content.xml")
    styles = {
        s.get(f"{{{NS['style']}}}name"): s.find("style:text-properties", NS)
        for s in content.iterfind("office:automatic-styles/style:style", NS)
    }
    title = content.find(".//draw:page/draw:frame[@presentation:class='title']", NS)
    span = title.find(".//text:span", NS)
    props = styles[span.get(f"{{{NS['text']}}}style-name")]
    fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    assert props.get(f"{{{fo}}}font-weight") == "bold"
    assert props.get(f"{{{NS['style']}}}font-weight-asian") == "bold"
    assert props.get(f"{{{NS['style']}}}font-name-asian") == "Noto Sans TC"
    assert props.get(f"{{{fo}}}color") == "#1b3a5c"
    assert float(props.get(f"{{{fo}}}font-size").removesuffix("pt")) >= 28


def test_latin_text_is_english_and_han_text_taiwanese(odp: zipfile.ZipFile) -> None:
    """As the .pptx's runs (lang/altLang): a zh Western language makes LibreOffice break Latin
    words anywhere (Singap|ore, PR|OCESS), which PowerPoint never does."""
    for part in ("content.xml", "styles.xml"):
        props = list(xml(odp, part).iter(f"{{{NS['style']}}}text-properties"))
        languages = {
            (p.get(f"{{{NS['fo']}}}language"), p.get(f"{{{NS['style']}}}language-asian"))
            for p in props
            if p.get(f"{{{NS['style']}}}font-name-asian")  # runs' and defaults', not bullets'
        }
        assert languages == {("en", "zh")}, part


def test_layouts_are_master_pages_and_slides_use_them(built: api.BuildResult, odp) -> None:
    masters = xml(odp, "styles.xml").findall("office:master-styles/style:master-page", NS)
    names = {m.get(f"{{{NS['style']}}}name") for m in masters}
    shown = {m.get(f"{{{NS['style']}}}display-name") for m in masters}
    used = {
        p.get(f"{{{NS['draw']}}}master-page-name")
        for p in xml(odp, "content.xml").iterfind(".//draw:page", NS)
    }
    assert used == names
    assert shown == {s.layout for s in built.plan.slides}
    title = "draw:frame[@presentation:class='title'][@presentation:placeholder='true']"
    assert all(m.find(title, NS) is not None for m in masters)  # where a new slide's title goes


def test_slide_numbers_are_page_number_fields(odp: zipfile.ZipFile) -> None:
    pages = xml(odp, "content.xml").findall(".//draw:page", NS)
    numbered = [
        (n, f.text)
        for n, page in enumerate(pages, start=1)
        for f in page.iter(f"{{{NS['text']}}}page-number")
    ]
    assert numbered and all(str(n) == text for n, text in numbered)
    assert len({n for n, _ in numbered}) >= len(pages) - 2  # the cover and the closing may skip


def test_tables_are_odf_tables(odp: zipfile.ZipFile) -> None:
    tables = xml(odp, "content.xml").findall(".//draw:frame/table:table", NS)
    assert tables
    assert all(t.find("table:table-row", NS) is not None for t in tables)


# -- OASIS ODF 1.3 -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def schemas() -> tuple[etree.RelaxNG, etree.RelaxNG]:
    document = etree.RelaxNG(etree.parse(str(SCHEMA / "OpenDocument-v1.3-schema.rng")))
    manifest = etree.RelaxNG(etree.parse(str(SCHEMA / "OpenDocument-v1.3-manifest-schema.rng")))
    return document, manifest


def _foreign(name: str) -> bool:
    uri = etree.QName(name).namespace or ""
    return bool(uri) and not uri.startswith(ODF_NAMESPACES)


def without_foreign(root: etree._Element) -> etree._Element:
    """``root`` with its foreign elements and attributes removed: an ODF 1.3 extended document
    is valid when what is left validates against the schema."""
    for element in [e for e in root.iter() if isinstance(e.tag, str) and _foreign(e.tag)]:
        element.getparent().remove(element)
    for element in root.iter():
        for name in [a for a in element.attrib if _foreign(a)]:
            del element.attrib[name]
    return root


def schema_errors(path: Path, schemas: tuple[etree.RelaxNG, etree.RelaxNG]) -> list[str]:
    document, manifest = schemas
    errors = []
    with zipfile.ZipFile(path) as package:
        for part in ("content.xml", "styles.xml", "meta.xml", "settings.xml"):
            if not document.validate(without_foreign(etree.fromstring(package.read(part)))):
                errors += [f"{part}: {e}" for e in document.error_log]
        if not manifest.validate(etree.fromstring(package.read("META-INF/manifest.xml"))):
            errors += [f"manifest.xml: {e}" for e in manifest.error_log]
    return errors


def test_the_default_deck_validates_against_odf_1_3(built: api.BuildResult, schemas) -> None:
    assert schema_errors(built.output.with_suffix(".odp"), schemas) == []


def test_the_only_foreign_elements_are_libreoffices_table_cell_fills(odp: zipfile.ZipFile) -> None:
    """Set aside for validation, so bounded: LibreOffice's own ``loext:graphic-properties``
    in table cell styles, nothing else, and no foreign attributes."""
    for part in ("content.xml", "styles.xml", "meta.xml", "settings.xml"):
        root = xml(odp, part)
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            assert not [a for a in element.attrib if _foreign(a)], part
            if _foreign(element.tag):
                assert element.tag == f"{{{NS['loext']}}}graphic-properties", part
                parent = element.getparent()
                assert parent.get(f"{{{NS['style']}}}family") == "table-cell", part
                assert len(element) == 0


def _pptx_cell_fills(path: Path) -> list[list[str | None]]:
    """Per table, each shown cell's fill as ``#rrggbb`` (None: no fill)."""
    from pptx import Presentation
    from pptx.enum.dml import MSO_FILL

    fills = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if not (getattr(shape, "has_table", False) and shape.has_table):
                continue
            table = []
            for row in shape.table.rows:
                for cell in row.cells:
                    if cell.is_spanned:
                        continue
                    solid = cell.fill.type == MSO_FILL.SOLID
                    table.append(f"#{cell.fill.fore_color.rgb}".lower() if solid else None)
            fills.append(table)
    return fills


def _odp_cell_fills(package: zipfile.ZipFile) -> list[list[tuple[str | None, str | None]]]:
    """Per table, each shown cell's fill as LibreOffice 7.x reads it (``loext:graphic-properties``)
    and as ODF 1.3 writes it (``fo:background-color``; None: transparent)."""
    root = xml(package, "content.xml")
    path = "office:automatic-styles/style:style[@style:family='table-cell']"
    styles = {s.get(f"{{{NS['style']}}}name"): s for s in root.iterfind(path, NS)}
    fills = []
    for table in root.iterfind(".//draw:page//table:table", NS):
        cells = []
        for cell in table.iterfind("table:table-row/table:table-cell", NS):
            style = styles[cell.get(f"{{{NS['table']}}}style-name")]
            graphic = style.find("loext:graphic-properties", NS)
            kind = graphic.get(f"{{{NS['draw']}}}fill")
            colour = graphic.get(f"{{{NS['draw']}}}fill-color") if kind == "solid" else None
            assert kind == ("solid" if colour else "none")
            background = style.find("style:table-cell-properties", NS).get(
                f"{{{NS['fo']}}}background-color"
            )
            cells.append((colour, None if background == "transparent" else background))
        fills.append(cells)
    return fills


def test_each_table_cell_has_the_pptx_cells_fill_in_a_form_libreoffice_7_reads(
    built: api.BuildResult, odp: zipfile.ZipFile
) -> None:
    expected = _pptx_cell_fills(built.output)
    got = _odp_cell_fills(odp)
    assert len(expected) == len(got) >= 5  # the default deck's tables
    assert {fill for table in expected for fill in table} >= {"#1b3a5c", "#f3f5f8", None}
    for pptx_cells, odp_cells in zip(expected, got, strict=True):
        assert [loext for loext, _ in odp_cells] == pptx_cells  # LibreOffice 7.x
        assert [fo for _, fo in odp_cells] == pptx_cells  # ODF 1.3, current LibreOffice


@pytest.mark.slow
def test_an_imported_report_validates_against_odf_1_3(tmp_path: Path, schemas) -> None:
    imported = api.import_report(
        REPORTS / "kr-smarthealth-2019" / "kr-smarthealth-2019.docx", tmp_path / "content"
    )
    options = api.options_from_recipe(
        None, report=imported.folder, output=tmp_path / "kr.odp", formats=("odp",)
    )
    result = api.build(options)
    assert [p.name for p in result.outputs] == ["kr.odp"]
    assert schema_errors(result.output, schemas) == []


# -- licences (OS/2 fsType) ---------------------------------------------------------------
def test_a_font_that_forbids_embedding_writes_no_odp(tmp_path: Path) -> None:
    from _fontutil import build_font

    font = tmp_path / "restricted.ttf"
    font.write_bytes(build_font(fs_type=0x2))
    deck = tmp_path / "d.pptx"
    code, _, err = run("build", "--format", "pptx,odp", "--font", str(font), "--out", str(deck))
    assert code == 2 and "embed" in err
    assert list(tmp_path.iterdir()) == [font]


def test_faces_go_in_with_their_own_licence(built: api.BuildResult, tmp_path: Path) -> None:
    """A preview-and-print font (embedded with a warning, as in the .pptx) keeps its fsType and
    its family name in the .odp; a no-subsetting font goes in whole."""
    import datetime as dt

    from _fontutil import build_font

    from briefing.fonts import family as fonts
    from briefing.odf import odp_from_pptx

    pptx = built.output.read_bytes()
    for fs_type, whole in ((0x4, False), (0x100, True)):
        font = tmp_path / f"tiny-{fs_type}.ttf"
        font.write_bytes(build_font(fs_type=fs_type))
        family = fonts.load_family(str(font), cache_dir=tmp_path / "cache")
        faces = fonts.prepare_faces(family, "AB", "", cache_dir=tmp_path / "cache")
        odp = odp_from_pptx(pptx, family.name, faces, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        with zipfile.ZipFile(io.BytesIO(odp)) as package:
            ttfs = [package.read(n) for n in package.namelist() if n.startswith("Fonts/")]
            faces_xml = xml(package, "content.xml").findall(".//style:font-face", NS)
        assert len(ttfs) == len(faces) >= 1
        for ttf in ttfs:
            loaded = TTFont(io.BytesIO(ttf))
            assert loaded["OS/2"].fsType == fs_type
            assert (len(ttf) == font.stat().st_size) == whole
        assert [f.get(f"{{{NS['style']}}}name") for f in faces_xml] == [family.name]


# -- the command line ------------------------------------------------------------------------------
def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    code, _, err = run("build", "--format", "pptx,key", "--out", str(tmp_path / "d.pptx"))
    assert code == 2 and "not pptx, odp or pdf: key" in err
    assert not list(tmp_path.iterdir())


def test_recipes_take_formats(tmp_path: Path) -> None:
    recipe = tmp_path / "r.yaml"
    recipe.write_text("formats: [pptx, odp, pdf]\npdf_notes: true\n", encoding="utf-8")
    options = api.options_from_recipe(recipe)
    assert (options.formats, options.pdf_notes) == (("pptx", "odp", "pdf"), True)
    recipe.write_text("formats: [pptx, docx]\n", encoding="utf-8")
    with pytest.raises(api.BriefingError, match="formats"):
        api.options_from_recipe(recipe)


def test_a_failed_build_leaves_the_previous_files(tmp_path: Path) -> None:
    deck, odp = tmp_path / "d.pptx", tmp_path / "d.odp"
    deck.write_bytes(b"old deck")
    odp.write_bytes(b"old odp")
    code, _, err = run(
        "build", "--format", "pptx,odp", "--font", str(tmp_path / "nofont.ttf"), "--out", str(deck)
    )
    assert code == 2, err
    assert (deck.read_bytes(), odp.read_bytes()) == (b"old deck", b"old odp")


def test_an_odp_path_that_cannot_be_written_is_refused_before_the_build(tmp_path: Path) -> None:
    deck = tmp_path / "d.pptx"
    deck.write_bytes(b"old deck")
    (tmp_path / "d.odp").mkdir()
    code, _, err = run("build", "--format", "pptx,odp", "--out", str(deck))
    assert code == 2 and "d.odp" in err and "folder" in err
    assert deck.read_bytes() == b"old deck"


def test_pdf_without_libreoffice_is_exit_2_naming_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("briefing.pdf.find_office", lambda: None)
    deck = tmp_path / "d.pptx"
    code, _, err = run(
        "build", "--initiative", "myinfo", "--format", "pptx,pdf", "--out", str(deck)
    )
    assert code == 2
    assert "LibreOffice (soffice) is not installed; install LibreOffice" in err
    assert "apt install libreoffice-impress" in err and len(err.splitlines()) == 1
    assert deck.exists() and not deck.with_suffix(".pdf").exists()


# -- LibreOffice ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pdf(built: api.BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF LibreOffice makes from the .odp (as ``--format pdf`` does)."""
    from briefing import outputs

    target = tmp_path_factory.mktemp("pdf") / "deck.pptx"
    odp_bytes = built.output.with_suffix(".odp").read_bytes()
    made, note = outputs.write_pdf(target, odp_bytes, font_dirs=[], timeout=180, notes=False)
    assert made is not None, note
    return made


@needs_office
@needs_poppler
@pytest.mark.slow
def test_libreoffice_opens_the_odp_one_page_per_slide(built: api.BuildResult, pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    assert int(pages.split()[1]) == built.slide_count


@needs_office
@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler) is not installed")
@pytest.mark.slow
def test_the_pdf_embeds_the_deck_faces_only(pdf: Path) -> None:
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in listing.stdout.splitlines()[2:]]
    assert rows
    assert {row[0].split("+")[-1] for row in rows} == {"NotoSansTC-Regular", "NotoSansTC-Bold"}
    assert all(row[-5] == "yes" for row in rows)  # the "emb" column


@needs_office
@needs_poppler
@pytest.mark.slow
def test_the_pdf_text_is_the_deck_text(built: api.BuildResult, pdf: Path) -> None:
    slides, _ = _pptx_pages(built.output)
    for number, texts in enumerate(slides, start=1):
        page = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-raw", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        flat = "".join(page.split())
        for text in texts:
            assert "".join(text.split()) in flat, f"slide {number}: {text!r}"


@needs_office
@needs_poppler
@pytest.mark.slow
def test_libreoffice_draws_the_table_cells_in_the_pptx_fills(
    built: api.BuildResult, pdf: Path, tmp_path: Path
) -> None:
    """The installed LibreOffice (7.4 here) draws each cell of the first table in its .pptx
    fill, not in its default table design: the median colour over each cell (mostly fill, a
    little text) is the cell's fill, or the white slide where the cell has none."""
    import numpy
    from PIL import Image
    from pptx import Presentation

    prs = Presentation(str(built.output))
    number, table = next(
        (n, shape)
        for n, slide in enumerate(prs.slides, start=1)
        for shape in slide.shapes
        if getattr(shape, "has_table", False) and shape.has_table
    )
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", str(number), "-l", str(number), str(pdf)]
        + [str(tmp_path / "page")],
        check=True,
    )
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    scale = page.width / prs.slide_width
    fills = iter(_pptx_cell_fills(built.output)[0])
    top = table.top
    for row in table.table.rows:
        left = table.left
        for column, cell in zip(table.table.columns, row.cells, strict=True):
            box = [round(v * scale) for v in (left, top, left + column.width, top + row.height)]
            left += column.width
            if cell.is_spanned:
                continue
            median = numpy.median(numpy.asarray(page.crop(tuple(box))).reshape(-1, 3), axis=0)
            fill = next(fills) or "#ffffff"
            want = tuple(int(fill[i : i + 2], 16) for i in (1, 3, 5))
            assert max(abs(a - b) for a, b in zip(median, want, strict=True)) <= 12, (box, fill)
        top += row.height


@pytest.mark.slow
def test_native_charts_are_shown_as_their_pictures(tmp_path: Path) -> None:
    """ODF cannot hold PowerPoint's charts: the .odp shows each as the picture an image-style
    build draws, with the chart's title and alt text."""
    options = api.options_from_recipe(
        None, output=tmp_path / "n.pptx", formats=("pptx", "odp"), chart_style="native"
    )
    result = api.build(options)
    native = {c["id"]: c for c in result.charts if c["style"] == "native"}
    assert native
    with zipfile.ZipFile(result.output.with_suffix(".odp")) as package:
        frames = {
            frame.get(f"{{{NS['draw']}}}name"): frame
            for frame in xml(package, "content.xml").iter(f"{{{NS['draw']}}}frame")
        }
        for chart_id, info in native.items():
            frame = frames[f"Chart {chart_id}"]
            href = frame.find("draw:image", NS).get(f"{{{NS['xlink']}}}href")
            assert package.read(href).startswith(b"\x89PNG")
            assert frame.findtext("svg:desc", namespaces=NS) == info["alt_text"]


@needs_office
@needs_poppler
@pytest.mark.slow
def test_pdf_notes_put_a_notes_page_after_each_slide(tmp_path: Path) -> None:
    deck = tmp_path / "d.pptx"
    code, out, err = run(
        "build", "--initiative", "myinfo", "--format", "pdf", "--pdf-notes", "--out", str(deck)
    )
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.pdf"]
    info = subprocess.run(
        ["pdfinfo", str(deck.with_suffix(".pdf"))], capture_output=True, text=True
    )
    pages = int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[1])
    slides = int(out.split("(")[1].split()[0])
    assert pages == 2 * slides
