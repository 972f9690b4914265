"""The CSP forbids inline scripts and style attributes (style-src 'self'): templates must
not contain them, or the browser silently drops them."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted(
    p
    for p in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("apps/*/templates/**/*.html")]
    if p.is_file()
)


def test_there_are_templates():
    assert len(TEMPLATES) > 10


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_inline_style_or_script(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\sstyle\s*=", text), "atribut style= diblokir CSP; pakai kelas CSS"
    assert not re.search(r"<style[\s>]", text), "<style> diblokir CSP; pakai static/css"
    for tag in re.findall(r"<script\b[^>]*>", text):
        assert "src=" in tag, f"skrip inline diblokir CSP: {tag}"
    assert not re.search(r"\son[a-z]+\s*=", text), "penangan event inline diblokir CSP"
