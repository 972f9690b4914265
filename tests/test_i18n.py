"""English through gettext: pages switch language from Accept-Language or the language cookie
(the switcher posts to /i18n/setlang/), Indonesian stays the default, and the English catalogue
is complete: no untranslated or fuzzy entry, placeholders kept, and the compiled .mo in step
with the .po."""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from apps.accounts.models import User

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO = LOCALE / "django.po"
MO = LOCALE / "django.mo"

BERANDA_ID = "Data pengawasan pemilu Bawaslu, terbuka untuk publik"
BERANDA_EN = "Bawaslu election supervision data, open to the public"


@pytest.fixture(autouse=True)
def _bahasa_dipulihkan():
    """LocaleMiddleware activates the request's language in this thread and leaves it active;
    restore the language that was active before, so later tests are not run in English."""
    with translation.override(translation.get_language()):
        yield


def _isi(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# ---- pages -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_beranda_publik_bahasa_inggris_dari_accept_language(client):
    html = _isi(client.get("/", HTTP_ACCEPT_LANGUAGE="en"))
    assert '<html lang="en">' in html
    for teks in (
        BERANDA_EN,
        "Recently published",
        "Staff login",
        "Skip to content",
        "Open data that has been approved and classified as public information (UU 14/2008).",
        # a lazy string from Python code (the module registry), not only template text
        "Activities to prevent election violations",
    ):
        assert teks in html
    for teks in (
        BERANDA_ID,
        "Terbaru dipublikasikan",
        "Masuk petugas",
        "Langsung ke isi",
        "Kegiatan pencegahan pelanggaran pemilu",
    ):
        assert teks not in html


@pytest.mark.django_db
def test_halaman_masuk_bahasa_inggris(client):
    html = _isi(client.get("/kelola/masuk/", HTTP_ACCEPT_LANGUAGE="en"))
    for teks in ("Staff login", ">Username<", ">Password<", ">Log in<"):
        assert teks in html
    for teks in ("Masuk petugas", "Nama pengguna", "Kata sandi", ">Masuk<"):
        assert teks not in html


@pytest.mark.django_db
def test_login_gagal_dalam_bahasa_inggris(client):
    response = client.post(
        "/kelola/masuk/",
        {"username": "tidak-ada", "password": "salah"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = _isi(response)
    assert "Incorrect username or password." in html
    assert "Nama pengguna atau kata sandi salah." not in html


@pytest.mark.django_db
def test_tanpa_header_bahasa_indonesia(client):
    beranda = _isi(client.get("/"))
    assert '<html lang="id">' in beranda
    assert BERANDA_ID in beranda
    assert "Masuk petugas" in beranda
    assert BERANDA_EN not in beranda
    assert "Staff login" not in beranda

    masuk = _isi(client.get("/kelola/masuk/"))
    assert "Nama pengguna" in masuk
    assert "Kata sandi" in masuk
    assert ">Username<" not in masuk
    assert ">Log in<" not in masuk


@pytest.mark.django_db
def test_pemilih_bahasa_menyimpan_pilihan(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/kelola/masuk/"})
    assert response.status_code == 302
    assert response["Location"] == "/kelola/masuk/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"

    assert BERANDA_EN in _isi(client.get("/"))
    assert ">Log in<" in _isi(client.get("/kelola/masuk/"))

    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert BERANDA_ID in _isi(client.get("/"))


@pytest.mark.django_db
def test_beranda_petugas_bahasa_inggris(client):
    """The empty-queue texts are passed into an include; they are translated too."""
    user = User.objects.create_user(username="i18n.petugas", password="x-" * 8)
    client.force_login(user)
    html = _isi(client.get("/kelola/", HTTP_ACCEPT_LANGUAGE="en"))
    for teks in ("My drafts", "No drafts.", "Nothing is awaiting approval.", "Log out"):
        assert teks in html
    for teks in ("Draf saya", "Tidak ada draf.", "Tidak ada yang menunggu persetujuan."):
        assert teks not in html


# ---- the catalogue ---------------------------------------------------------------------------

KATA_KUNCI = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')


def _entri() -> list[dict]:
    """The .po entries (header included; obsolete `#~` entries are skipped)."""
    entries, cur, key = [], None, None
    for line in [*PO.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if cur is not None:
                entries.append(cur)
            cur, key = None, None
            continue
        if cur is None:
            cur = {"flags": set()}
        if line.startswith("#,"):
            cur["flags"] |= {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif m := KATA_KUNCI.match(line):
            key = m[1]
            cur[key] = ast.literal_eval(m[2])
        else:
            cur[key] += ast.literal_eval(line)
    return [e for e in entries if "msgid" in e]


def _terjemahan(entry) -> list[str]:
    return [v for k, v in sorted(entry.items()) if k.startswith("msgstr")]


def test_katalog_lengkap_tanpa_fuzzy():
    entries = _entri()
    assert len(entries) > 100
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert fuzzy == []
    kosong = [e["msgid"] for e in entries if e["msgid"] and not all(_terjemahan(e))]
    assert kosong == []
    header = next(e for e in entries if e["msgid"] == "")
    assert "Language: en\n" in header["msgstr"]


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{\s*\w+\s*\}\}")


def test_placeholder_dipertahankan():
    for e in _entri():
        if not e["msgid"]:
            continue
        asli = sorted(PLACEHOLDER.findall(e["msgid"] + e.get("msgid_plural", "")))
        for terjemahan in _terjemahan(e):
            assert sorted(set(PLACEHOLDER.findall(terjemahan))) == sorted(set(asli)), e["msgid"]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (gettext) tidak terpasang")
def test_msgfmt_statistik():
    result = subprocess.run(
        [shutil.which("msgfmt"), "--check", "--statistics", "-o", "/dev/null", str(PO)],
        capture_output=True,
        text=True,
        check=False,
        env={"LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    assert "translated message" in result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


def test_mo_sesuai_po():
    """The committed .mo was compiled from the current .po (run compilemessages after edits)."""
    with MO.open("rb") as f:
        mo = gettext.GNUTranslations(f)
    for e in _entri():
        if not e["msgid"]:
            continue
        if "msgid_plural" in e:
            assert mo.ngettext(e["msgid"], e["msgid_plural"], 1) == e["msgstr[0]"]
            assert mo.ngettext(e["msgid"], e["msgid_plural"], 2) == e["msgstr[1]"]
        elif "msgctxt" in e:
            assert mo.pgettext(e["msgctxt"], e["msgid"]) == e["msgstr"], e["msgid"]
        else:
            assert mo.gettext(e["msgid"]) == e["msgstr"], e["msgid"]
