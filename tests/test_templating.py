"""Slide templates: text in, bullets out, and mistakes located in the template file."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import TemplateError
from briefing.story.plan import Bullet
from briefing.story.templating import TEMPLATES_DIR, Templates, parse_body


def _user_template(tmp_path: Path, kind: str, text: str) -> Path:
    folder = tmp_path / "templates"
    (folder / "slides").mkdir(parents=True)
    (folder / "slides" / f"{kind}.j2").write_text(text, encoding="utf-8")
    return folder


def test_body_lines_become_bullets_with_levels() -> None:
    body = "- 第一點\n  - 子項\nplain line\n\n    - 深一層\n"

    assert parse_body(body) == (
        Bullet("第一點", 0),
        Bullet("子項", 1),
        Bullet("plain line", 0),
        Bullet("深一層", 2),
    )


def test_a_missing_variable_raises_with_template_file_and_line(tmp_path: Path) -> None:
    folder = _user_template(
        tmp_path, "closing", "{% block title %}\n{{ label.closing }}\n{{ nobody }}\n{% endblock %}"
    )

    with pytest.raises(TemplateError, match="'nobody' is undefined") as caught:
        Templates("zh-TW", folder).render("closing")

    assert caught.value.file.endswith("closing.j2")
    assert caught.value.line == 3


def test_a_syntax_error_names_the_template_and_line(tmp_path: Path) -> None:
    folder = _user_template(tmp_path, "closing", "{% block title %}\n{% if %}\n{% endblock %}")

    with pytest.raises(TemplateError) as caught:
        Templates("zh-TW", folder).render("closing")

    assert caught.value.file.endswith("closing.j2")
    assert caught.value.line == 2


def test_the_sandbox_refuses_unsafe_attribute_access(tmp_path: Path) -> None:
    folder = _user_template(
        tmp_path, "closing", "{% block title %}{{ ''.__class__.__mro__ }}{% endblock %}"
    )

    with pytest.raises(TemplateError, match="unsafe"):
        Templates("zh-TW", folder).render("closing")


def test_a_user_folder_overrides_one_kind_and_keeps_the_rest(tmp_path: Path) -> None:
    folder = _user_template(
        tmp_path, "closing", "{% block title %}報告完畢　敬請指教{% endblock %}"
    )
    templates = Templates("zh-TW", folder)

    assert templates.render("closing", deck={"agency": "x"}).title == "報告完畢　敬請指教"
    assert templates.render("agenda", parts=[]).title == "簡報大綱"


def test_english_labels_come_from_labels_yaml() -> None:
    assert Templates("en").render("agenda", parts=[]).title == "Agenda"
    assert Templates("zh-TW").labels.statuses["trial"] == "試辦中"


def test_a_labels_file_of_an_older_version_still_works(tmp_path: Path) -> None:
    (tmp_path / "labels.yaml").write_text("zh-TW:\n  closing: 報告完畢\n", encoding="utf-8")
    labels = Templates("zh-TW", tmp_path).labels

    assert labels.closing == "報告完畢"
    assert labels.qualifiers["over"] == "超過"  # added later: the bundled word


def test_templates_never_contain_ooxml() -> None:
    for path in (TEMPLATES_DIR / "slides").glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        assert "<a:" not in text and "<p:" not in text, path.name
