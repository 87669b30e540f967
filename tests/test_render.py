"""Chart pictures as the deck stores them (briefing.charts.render.encode_png)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image

from briefing.charts import chart_data, render_png
from briefing.charts.render import encode_png

FONT = Path(__file__).resolve().parents[1] / "assets" / "fonts" / "NotoSansTC_400Regular.ttf"


def test_a_chart_picture_is_an_opaque_rgb_png_of_the_exact_size_and_dpi(report, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = chart_data(report.chart("e-payment-merchants"), report)

    png = render_png(data, font=FONT, width_in=6, height_in=3, dpi=150, cache_dir=tmp_path)

    with Image.open(BytesIO(png)) as image:
        assert image.mode == "RGB"
        assert image.size == (900, 450)
        assert round(image.info["dpi"][0]) == 150


def test_a_picture_with_transparent_pixels_keeps_its_alpha() -> None:
    pixels = bytes([255, 255, 255, 255, 10, 20, 30, 0])  # one opaque white, one clear pixel

    with Image.open(BytesIO(encode_png(pixels, (2, 1), 200))) as image:
        assert image.mode == "RGBA"
        assert image.getpixel((1, 0)) == (10, 20, 30, 0)
