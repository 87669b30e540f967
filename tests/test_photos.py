"""Photos from the report to the deck (issue 17 point 7): pictures in .docx, .odt and .pdf
reports come with their captions into the content folder and onto a photo slide beside their
section, editable, with alt text; bad pictures are refused with a doubt, never a crash."""

from __future__ import annotations

import io
import shutil
import struct
import time
import zlib
from pathlib import Path

import pytest
import yaml
from _hostile import run
from pptx import Presentation
from pptx.util import Emu

from briefing import api, images, theme
from briefing.content.evidence import squash
from briefing.content.report import load_report, reference_problems
from briefing.importing.readers import read
from briefing.story.photos import arrange, pages

REPORTS = Path(__file__).parent / "data" / "reports"


def _key(name: str) -> list[dict]:  # type: ignore[type-arg]
    data = yaml.safe_load((REPORTS / name / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    return data["photos"]


def _png(width: int, height: int, colour: tuple[int, int, int] = (30, 110, 180)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def _huge_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels, in a few dozen bytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


# -- reading: every picture with its caption, in each format ---------------------------------
SLOW = pytest.mark.slow
READS = [  # jp's .docx is read by the import below, in the default run too
    pytest.param("jp-disaster-2024", "docx", marks=SLOW),
    ("nl-water-2022", "docx"),
    pytest.param("au-indigenous-2023", "docx", marks=SLOW),
    ("au-indigenous-2023", "odt"),
    pytest.param("jp-disaster-2024", "pdf", marks=SLOW),
    pytest.param("nl-water-2022", "pdf", marks=SLOW),
]


@pytest.mark.parametrize(("name", "fmt"), READS)
def test_the_reader_finds_every_picture_with_its_caption_in_order(name: str, fmt: str) -> None:
    pictures = read(REPORTS / name / f"{name}.{fmt}").pictures
    key = _key(name)
    assert [squash(p.caption or "") for p in pictures] == [squash(k["caption"]) for k in key]
    assert [p.position for p in pictures] == [k["caption_position"] for k in key]
    for picture in pictures:
        stored = images.normalize(picture.data or b"")
        assert (stored.width, stored.height) == (800, 600)  # the corpus's pictures are 800×600
    if fmt != "pdf":  # a PDF's text layer spaces CJK and digits: 「圖 1：」
        assert [p.caption for p in pictures] == [k["caption"] for k in key]


def test_an_odt_paragraph_with_a_picture_keeps_only_its_words() -> None:
    document = read(REPORTS / "au-indigenous-2023" / "au-indigenous-2023.odt")
    texts = [b.text for b in document.blocks if hasattr(b, "text")]
    assert not any("Pictures/" in t for t in texts)


# -- importing: photos.yaml and the files, each photo in its section ------------------------
def _import(name: str, fmt: str, folder: Path) -> tuple[Path, list[dict], dict[str, str]]:  # type: ignore[type-arg]
    result = api.import_report(REPORTS / name / f"{name}.{fmt}", folder)
    assert result.photos == len(_key(name))
    photos = yaml.safe_load((result.folder / "photos.yaml").read_text(encoding="utf-8"))
    report = load_report(result.folder)
    titles = {e.section.id: e.section.title for e in report.outline}
    return result.folder, photos, titles


@pytest.fixture(scope="module")
def jp(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict], dict[str, str]]:  # type: ignore[type-arg]
    return _import("jp-disaster-2024", "docx", tmp_path_factory.mktemp("jp") / "content")


def _same_section(key_section: str, title: str) -> bool:
    """The key writes a section as its heading line (「一、參訪心得：」), the content folder its
    title without the number (「參訪心得」)."""
    return squash(key_section).rstrip("：:").endswith(squash(title).rstrip("：:"))


def _check_import(folder: Path, photos: list[dict], titles: dict[str, str], name: str) -> None:  # type: ignore[type-arg]
    key = _key(name)
    assert [squash(p["caption"]) for p in photos] == [squash(k["caption"]) for k in key]
    for photo, expected in zip(photos, key, strict=True):
        assert _same_section(expected["section"], titles[photo["section"]]), photo
        assert photo["draft"] is True
        data = (folder / photo["file"]).read_bytes()
        assert photo["file"].startswith("photos/") and images.check(data).width == 800


def test_an_imported_report_has_its_photos_in_their_sections(jp) -> None:  # type: ignore[no-untyped-def]
    folder, photos, titles = jp
    _check_import(folder, photos, titles, "jp-disaster-2024")
    assert [p["caption"] for p in photos] == [k["caption"] for k in _key("jp-disaster-2024")]
    sections = (folder / "sections.yaml").read_text(encoding="utf-8")
    assert "- 圖1：東京臨海廣域防災公園本部棟外觀" in sections  # the caption stays in its text
    assert "key_points:\n  - 圖1" not in sections  # but is no key point of its own


@SLOW
@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("nl-water-2022", "docx"),
        ("jp-disaster-2024", "pdf"),
        ("au-indigenous-2023", "docx"),
        ("au-indigenous-2023", "odt"),
        ("nl-water-2022", "pdf"),
    ],
)
def test_each_report_with_photos_imports_them_in_their_sections(
    name: str, fmt: str, tmp_path: Path
) -> None:
    folder, photos, titles = _import(name, fmt, tmp_path / "content")
    _check_import(folder, photos, titles, name)


# -- the deck -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def deck(jp, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    target = tmp_path_factory.mktemp("deck") / "jp.pptx"
    api.build(api.options_from_recipe(None, report=jp[0], output=target, length="standard"))
    return Presentation(str(target))


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _box(shape) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    return (int(shape.left), int(shape.top), int(shape.width), int(shape.height))


def test_each_photo_is_a_picture_with_alt_text_and_its_caption_under_it(deck, jp) -> None:  # type: ignore[no-untyped-def]
    captions = [p["caption"] for p in jp[1]]
    slides = [s for s in deck.slides if s.slide_layout.name == "Photos"]
    assert slides, "no photo slide"
    shown = []
    for slide in slides:
        pictures = [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        boxes = {s.name: s for s in slide.shapes if s.has_text_frame}
        title = slide.shapes.title
        source = boxes["Source"]
        assert 1 <= len(pictures) <= 4
        for n, picture in enumerate(pictures, start=1):
            alt = picture._element.nvPicPr.cNvPr.get("descr")
            caption = boxes[f"Caption {n}"]
            assert caption.text_frame.text == alt
            shown.append(alt)
            for shape in (picture, caption):
                left, top, width, height = _box(shape)
                assert left >= 0 and top >= 0
                assert left + width <= theme.SLIDE_WIDTH and top + height <= theme.SLIDE_HEIGHT
                for furniture in (title, source):
                    assert not _overlap(_box(shape), _box(furniture)), (alt, furniture.name)
            assert caption.top >= picture.top + picture.height  # under its picture
            assert abs(picture.width / picture.height - 800 / 600) < 0.01  # aspect kept
            runs = [r for p in caption.text_frame.paragraphs for r in p.runs]
            assert all(r.font.size == Emu(theme.CAPTION_PT * 12700) for r in runs)
            ea = runs[0]._r.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}ea")
            assert ea is not None and ea.get("typeface") == "Noto Sans TC"
            assert alt in slide.notes_slide.notes_text_frame.text
        assert source.text_frame.text.startswith("資料來源：出國報告")
    assert sorted(shown) == sorted(captions)


def test_a_photo_slide_follows_the_slides_of_its_section(jp) -> None:  # type: ignore[no-untyped-def]
    report = load_report(jp[0])
    plan = api.plan(api.options_from_recipe(None, report=jp[0], length="standard"))
    photo_slides = [n for n, s in enumerate(plan.slides) if s.kind == "photos"]
    assert len(photo_slides) == 4
    for n in photo_slides:
        slide, before = plan.slides[n], plan.slides[n - 1]
        assert before.kind not in ("photos", "divider") and slide.title.endswith("（照片）")
        for picture in slide.pictures:  # the slide before shows the photo's section or its parent
            assert set(report.entry(picture.section).path) & set(before.sections), picture
        assert slide.sections == tuple(dict.fromkeys(p.section for p in slide.pictures))
        assert "本頁照片：" in slide.notes
    found = api.self_check(plan)  # a slide of photos shows something (issue 18's self-check)
    assert not [f for f in found if f.code == "empty-slide" and f.what.endswith("（照片）")]


def test_a_brief_shows_one_photo_slide_within_its_budget_and_a_full_deck_every_photo(jp) -> None:  # type: ignore[no-untyped-def]
    brief = api.plan(api.options_from_recipe(None, report=jp[0], length="brief"))
    photo = [s for s in brief.slides if s.kind == "photos"]
    assert len(photo) == 1 and 1 <= len(photo[0].pictures) <= 4
    spoken = brief.titles.index("簡報結束\u3000敬請指教") + 1
    assert spoken <= 12 and brief.minutes <= 12
    full = api.plan(api.options_from_recipe(None, report=jp[0], length="full"))
    pictures = [p.caption for s in full.slides for p in s.pictures]
    assert pictures == [p["caption"] for p in jp[1]]
    unticked = api.plan(
        api.options_from_recipe(None, report=jp[0], sections=["s1", "process"], length="standard")
    )
    assert not any(s.kind == "photos" for s in unticked.slides)


def test_photos_are_paged_evenly_and_laid_out_inside_their_box() -> None:
    assert [len(p) for p in pages(list(range(5)))] == [3, 2]
    assert [len(p) for p in pages(list(range(8)))] == [4, 4]
    left, top, width, height = theme.PHOTO_BOX
    for sizes in ([(800, 600)], [(600, 900), (1600, 400)], [(800, 600)] * 3, [(500, 2000)] * 4):
        placed = arrange(sizes, [2] * len(sizes))
        boxes = [b for pair in placed for b in pair]
        for x, y, w, h in boxes:
            assert left <= x and x + w <= left + width and top <= y and y + h <= top + height
        for i, a in enumerate(boxes):
            assert not any(_overlap(a, b) for b in boxes[i + 1 :])
        for (px_w, px_h), ((_, _, w, h), _) in zip(sizes, placed, strict=True):
            assert abs(w / h - px_w / px_h) < 0.02


# -- hostile pictures and bad photos.yaml --------------------------------------------------------
def test_a_huge_or_truncated_picture_is_refused_at_once() -> None:
    start = time.perf_counter()
    with pytest.raises(images.BadImage, match="pixels"):
        images.normalize(_huge_png())
    good = _png(40, 30)
    with pytest.raises(images.BadImage, match="decode"):
        images.normalize(good[: len(good) // 2])
    with pytest.raises(images.BadImage):
        images.normalize(b"GIF89a not really")
    placeable = struct.pack("<IHhhhhHIH", 0x9AC6CDD7, 0, 0, 0, 1000, 1000, 1440, 0, 0)
    wmf = placeable + struct.pack("<HHIHIH", 1, 9, 0x300, 0, 0, 0) + bytes(40)
    with pytest.raises(images.BadImage, match="EMF/WMF"):
        images.normalize(wmf)
    assert time.perf_counter() - start < 1.0
    big = images.normalize(_png(2400, 1200))
    assert (big.width, big.height) == (images.MAX_SIDE, images.MAX_SIDE // 2)


def _docx_with_pictures(path: Path, pictures: list[tuple[bytes, str]], logos: int = 0) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("赴測試國考察出國報告")
    document.add_heading("壹、目的", level=1)
    document.add_paragraph("本次考察目的為瞭解測試國之防災制度，並蒐集相關資料，以供參考。")
    for data, caption in pictures:
        run = document.add_paragraph().add_run()
        run.add_picture(io.BytesIO(_png(8, 6)))
        blip = run._r.xpath(".//a:blip/@r:embed")[0]
        document.part.related_parts[blip]._blob = data  # what a hostile file would hold
        document.add_paragraph(caption)
    document.add_heading("貳、建議", level=1)
    document.add_paragraph("一、建議持續辦理防災交流，強化合作。")
    for _ in range(logos):  # the same small picture again and again, without a caption
        document.add_paragraph().add_run().add_picture(io.BytesIO(_png(50, 20, (200, 0, 0))))
    document.save(str(path))


def test_an_import_skips_a_huge_or_truncated_picture_with_a_doubt(tmp_path: Path) -> None:
    source = tmp_path / "hostile.docx"
    good = _png(80, 60)
    _docx_with_pictures(
        source,
        [(_huge_png(), "圖1：巨大圖片"), (good[:60], "圖2：截斷圖片"), (good, "圖3：正常圖片")],
        logos=2,
    )
    start = time.perf_counter()
    result = api.import_report(source, tmp_path / "content")
    assert time.perf_counter() - start < 10
    photos = yaml.safe_load((result.folder / "photos.yaml").read_text(encoding="utf-8"))
    assert [p["caption"] for p in photos] == ["圖3：正常圖片"]
    assert sorted(p.name for p in (result.folder / "photos").iterdir()) == ["photo-1.png"]
    report = result.report_file.read_text(encoding="utf-8")
    assert "「圖1：巨大圖片」: more than 50,000,000 pixels" in report
    assert "「圖2：截斷圖片」: cannot decode it" in report
    assert "2 times without a caption (a logo?); not imported" in report
    assert load_report(result.folder).photos[0].section == "s1"


@pytest.fixture
def folder(jp, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    copy = tmp_path / "content"
    shutil.copytree(jp[0], copy)
    return copy


def _problems(folder: Path, photos: list[dict]) -> list[str]:  # type: ignore[type-arg]
    (folder / "photos.yaml").write_text(yaml.safe_dump(photos, allow_unicode=True), "utf-8")
    return [str(p) for p in reference_problems(load_report(folder, check=False))]


def test_photos_yaml_refuses_bad_files_and_captions_with_their_line(folder: Path) -> None:
    photo = {
        "id": "p",
        "file": "photos/photo-1.png",
        "caption": "圖1：東京臨海廣域防災公園本部棟外觀",
    }
    assert _problems(folder, [{**photo, "section": "s3-1-1"}]) == []
    (folder / "photos" / "cut.png").write_bytes(
        (folder / "photos" / "photo-1.png").read_bytes()[:99]
    )
    (folder / "photos" / "text.png").write_text("not a picture", "utf-8")
    (folder / "photos" / "huge.png").write_bytes(_huge_png())
    cases = {
        "../outside.png": "must be a path inside the content folder",
        "photos/none.png": "file not found",
        "photos/cut.png": "cannot decode it",
        "photos/text.png": "not a PNG or JPEG file",
        "photos/huge.png": "more than 50,000,000 pixels",
        "report.yaml": "not a .png or .jpg file",
    }
    for name, message in cases.items():
        problems = _problems(folder, [{**photo, "file": name, "section": "s3-1-1"}])
        assert len(problems) == 1 and message in problems[0], (name, problems)
        assert problems[0].startswith(f"{folder / 'photos.yaml'}:2: [0].file: "), problems[0]
    wrong = _problems(folder, [{**photo, "caption": "圖9：報告沒有的照片", "section": "s3-1-1"}])
    assert len(wrong) == 1 and "[0].caption: not in the report's words" in wrong[0]
    lost = _problems(folder, [{**photo, "section": "s9"}])
    assert len(lost) == 1 and "[0].section: unknown id 's9'" in lost[0]


def test_check_refuses_a_photo_outside_the_folder_with_exit_2(folder: Path) -> None:
    photos = [{"id": "p", "file": "/etc/passwd", "caption": "", "section": "s1"}]
    (folder / "photos.yaml").write_text(yaml.safe_dump(photos), "utf-8")
    code, _, err = run("check", "--content", str(folder))
    assert code == 2 and "photos.yaml:2: [0].file: must be a path inside" in err


def test_captions_pair_below_above_and_in_a_row_of_photos() -> None:
    from briefing.importing.pictures import Found, pair

    a, b, c = (Found(bytes([n]), f"p{n}") for n in range(3))
    stream = ["前文一。", a, "圖1：下方圖說", "照片2　上方圖說", b, "後文。", c, "正文沒有圖說。"]
    found = pair(stream)
    assert [(p.caption, p.position) for p in found] == [
        ("圖1：下方圖說", "below"),
        ("照片2　上方圖說", "above"),
        (None, None),
    ]
    assert found[2].anchor == "後文。"
    row = pair(["本節說明。", a, b, "圖3-1 甲", "圖3-2 乙", "圖3-1顯示甲地人口逾萬人。"])
    assert [p.caption for p in row] == ["圖3-1 甲", "圖3-2 乙"]


def test_a_standard_deck_drops_photo_slides_first_when_over_its_budget() -> None:
    from briefing.story.photos import within_budget
    from briefing.story.plan import Bullet, Picture, Slide

    points = tuple(Bullet(f"重點{n}") for n in range(3))
    photo = Slide("photos", "照片", pictures=(Picture("x.png", "圖1：甲", "圖1：甲", "s1"),))
    slides = [Slide("cover", "封面")]
    slides += [s for n in range(16) for s in (Slide("points", f"第{n}頁", body=points), photo)]
    slides.append(Slide("closing", "簡報結束"))
    kept = within_budget(slides)
    assert len(kept) == 30 and sum(s.kind == "photos" for s in kept) == 12
    assert [s.title for s in kept if s.kind == "points"] == [f"第{n}頁" for n in range(16)]


def test_a_pdf_gives_jpeg_as_stored_and_pixels_as_png_with_captions_below_or_above(
    tmp_path: Path,
) -> None:
    from fpdf import FPDF
    from PIL import Image

    def picture(fmt: str, mode: str) -> io.BytesIO:
        out = io.BytesIO()
        Image.new(mode, (120, 90), (10, 120, 200, 128)[: len(mode)]).save(out, fmt)
        out.seek(0)
        return out

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for item in ("1. Purpose", "The trip studied flood defences.", "JPEG", "Figure 1: A barrier"):
        if item == "JPEG":
            pdf.image(picture("JPEG", "RGB"), x=pdf.l_margin, w=60)
        else:
            pdf.cell(0, 8, item, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "Photo 2. A square that holds water", new_x="LMARGIN", new_y="NEXT")
    pdf.image(picture("PNG", "RGBA"), x=pdf.l_margin, w=60)
    pdf.output(str(tmp_path / "t.pdf"))
    found = read(tmp_path / "t.pdf").pictures
    assert [(p.caption, p.position, p.page) for p in found] == [
        ("Figure 1: A barrier", "below", 1),
        ("Photo 2. A square that holds water", "above", 1),
    ]
    assert [images.sniff(p.data or b"") for p in found] == ["jpg", "png"]
    assert [images.normalize(p.data or b"").width for p in found] == [120, 120]


def test_a_word_table_of_photos_pairs_each_photo_with_the_caption_under_it(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("本節說明參訪情形。")
    table = document.add_table(rows=2, cols=2)
    for col, colour in enumerate(((200, 0, 0), (0, 200, 0))):
        run = table.cell(0, col).paragraphs[0].add_run()
        run.add_picture(io.BytesIO(_png(40 + col, 30, colour)))
        table.cell(1, col).text = f"照片{col + 1}　第{col + 1}張"
    document.save(str(tmp_path / "t.docx"))
    found = read(tmp_path / "t.docx").pictures
    assert [(p.caption, p.position) for p in found] == [
        ("照片1　第1張", "below"),
        ("照片2　第2張", "below"),
    ]
    assert [images.normalize(p.data or b"").width for p in found] == [40, 41]


def test_a_brief_of_twelve_slides_gets_no_photo_slide_that_would_make_it_thirteen(jp) -> None:  # type: ignore[no-untyped-def]
    from briefing.story import photos as photos_mod
    from briefing.story.plan import Slide

    report = load_report(jp[0])
    top = report.entry(report.photos[0].section).path[0]
    body = [Slide("content", f"頁{n}", sections=(top,)) for n in range(10)]
    slides = [Slide("cover", "封面"), *body, Slide("closing", "敬請指教")]
    selected = {e.section.id for e in report.outline}

    def make(photos, top):  # type: ignore[no-untyped-def]
        return [Slide("photos", "照片", sections=(top,))]

    assert photos_mod.with_brief_photos(slides, report, selected, make) == slides  # 12 stays 12
    fewer = slides[:2] + slides[3:]
    assert len(photos_mod.with_brief_photos(fewer, report, selected, make)) == 12
