"""The module's English catalogue (apps/kampanye/locale) is complete and in use."""

import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation

import apps.kampanye

LOCALE = Path(apps.kampanye.__file__).parent / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@pytest.fixture(autouse=True)
def _bahasa_dipulihkan():
    with translation.override(translation.get_language()):
        yield


def _entri():
    """(msgid, msgstr, flags) of every entry of the .po, the header excluded."""
    teks = (LOCALE / "django.po").read_text(encoding="utf-8")
    hasil = []
    for blok in teks.split("\n\n"):
        flags = "".join(b for b in blok.splitlines() if b.startswith("#,"))
        bagian = re.split(r"^msgstr ", blok, flags=re.MULTILINE)
        if len(bagian) != 2 or "msgid " not in bagian[0]:
            continue
        msgid = "".join(re.findall(r'"(.*)"', bagian[0].split("msgid ", 1)[1]))
        msgstr = "".join(re.findall(r'"(.*)"', bagian[1]))
        if msgid:
            hasil.append((msgid, msgstr, flags))
    return hasil


def test_katalog_lengkap_dan_mo_sesuai_po():
    entri = _entri()
    assert len(entri) > 40
    with (LOCALE / "django.mo").open("rb") as f:
        mo = gettext.GNUTranslations(f)
    for msgid, msgstr, flags in entri:
        assert msgstr, msgid
        assert "fuzzy" not in flags, msgid
        assert sorted(set(PLACEHOLDER.findall(msgid))) == sorted(set(PLACEHOLDER.findall(msgstr)))
        asli = msgid.encode().decode("unicode_escape").encode("latin-1").decode()
        assert mo.gettext(asli) != asli, msgid


@pytest.mark.django_db
def test_daftar_publik_bahasa_inggris(client):
    html = client.get("/data/kampanye/", HTTP_ACCEPT_LANGUAGE="en").text
    for teks in ("Campaign Supervision", "Campaign method", "Suspected violation", "Public rally"):
        assert teks in html
    for teks in ("Pengawasan Kampanye", "Metode kampanye", "Rapat umum"):
        assert teks not in html
