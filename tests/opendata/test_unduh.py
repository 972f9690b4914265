"""Downloads of the public lists (`/data/<modul>.csv|.xlsx|.json`) and the data dictionary
(DESIGN §5, §6): exactly the public rows the list shows with the same query, nothing of a
non-public field, stable column names, values that read back as they were stored, formulas
neutralised, the license on every file, and a query count that does not grow with the rows."""

import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from django.http import FileResponse, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from apps.core import tampilan
from apps.core.models import Status
from apps.opendata import ekspor, unduh
from tests import factories
from tests.conftest import MODULS, TIDAK_PUBLIK, modul_id
from tests.portal import test_leak

# every status × classification, markers in every non-public field (tests/portal/test_leak.py)
arsip = test_leak.arsip

pytestmark = pytest.mark.django_db

FORMAT = ("csv", "xlsx", "json")
HARI_INI = timezone.localdate


@pytest.fixture(autouse=True)
def _bahasa_dipulihkan():
    """A request in English leaves English active in this thread (LocaleMiddleware)."""
    with translation.override(translation.get_language()):
        yield


# ---- reading a download ----------------------------------------------------------------------


def _ambil(client, modul, ext, query=None, **extra):
    response = client.get(f"/data/{modul.kode}.{ext}", query or {}, **extra)
    isi = b"".join(response.streaming_content) if response.streaming else response.content
    return response, isi


def _baca(isi, ext):
    """(column names, rows as dicts) of a download, parsed the way its users would."""
    if ext == "csv":
        teks = isi.decode("utf-8")
        assert teks.startswith("\ufeff"), "CSV tanpa BOM UTF-8"
        rows = list(csv.reader(io.StringIO(teks[1:], newline="")))
        return rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    if ext == "xlsx":
        ws = _buku(isi).worksheets[0]
        header, *rows = ws.iter_rows(values_only=True)
        # a read-only sheet leaves out the empty cells at the end of a row
        kosong = (None,) * len(header)
        return list(header), [dict(zip(header, r + kosong[len(r) :], strict=True)) for r in rows]
    data = json.loads(isi)
    return (list(data["data"][0]) if data["data"] else None), data["data"]


def _buku(isi):
    return openpyxl.load_workbook(io.BytesIO(isi), read_only=True)


def _teks(isi, ext):
    """Everything a download holds, as text, to look for markers."""
    if ext != "xlsx":
        return isi.decode("utf-8")
    wb = _buku(isi)
    return "\n".join(
        str(v)
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None
    )


def _ids(rows):
    return {int(r["id"]) for r in rows}


def _unduh_ids(client, modul, ext, query=None):
    response, isi = _ambil(client, modul, ext, query)
    assert response.status_code == 200, isi[:300]
    return _ids(_baca(isi, ext)[1])


def _kamus(client, modul):
    response = client.get(f"/data/{modul.kode}/kamus.json")
    assert response.status_code == 200
    return {k["nama"]: k for k in response.json()["kolom"]}


# ---- what the download must hold, computed from the records themselves -------------------------


def _anak_publik(modul):
    return [i for i in modul.inlines if i.publik and not i.pribadi]


def _akses(modul, inline):
    fk = next(
        f for f in inline.model._meta.fields if f.is_relation and f.related_model is modul.model
    )
    return fk.remote_field.get_accessor_name()


def _harapan(modul, obj):
    """The row of `obj` as a download must carry it: {column: Python value}."""
    row = {
        "id": obj.pk,
        "satker_kode": obj.satker.kode,
        "satker_nama": obj.satker.nama,
        "wilayah_kode": obj.wilayah_id,
        "wilayah_nama": obj.wilayah.nama if obj.wilayah_id else None,
        "pemilihan_kode": obj.pemilihan.kode if obj.pemilihan_id else None,
        "pemilihan_nama": obj.pemilihan.nama if obj.pemilihan_id else None,
    }
    for name in modul.semua_public_fields:
        try:
            field = modul.field(name)
        except FieldDoesNotExist:
            kode = getattr(obj, f"kode_{name}", None)
            row[name] = getattr(kode, "value", kode) if kode is not None else getattr(obj, name)
            continue
        value = getattr(obj, field.attname)
        if field.is_relation:
            if name not in ("satker", "wilayah", "pemilihan"):
                row[f"{name}_nama"] = tampilan.tampil(getattr(obj, name)) or None
        elif isinstance(field, models.FileField):
            url = f"http://testserver/data/{modul.kode}/{obj.pk}/berkas/{name}/"
            row[name] = url if value else None
        else:
            row[name] = value
    for inline in _anak_publik(modul):
        anak = []
        for child in getattr(obj, _akses(modul, inline)).order_by("pk"):
            nilai = [
                str(getattr(child, inline.model._meta.get_field(n).attname)) for n in inline.fields
            ]
            anak.append(f"{nilai[0]} ({', '.join(nilai[1:])})" if nilai[1:] else nilai[0])
        row[_akses(modul, inline)] = "; ".join(anak) or None
    return row


def _kanonik(value, jenis, ext):
    """One comparable form of a cell, read back by its format's usual parser."""
    if value is None or value == "":
        return None
    if ext in ("csv", "xlsx") and isinstance(value, str) and value.startswith("'"):
        value = value[1:]  # a neutralised formula (checked on its own below)
    if jenis in ("bilangan_bulat", "desimal"):
        return Decimal(str(value)).normalize()
    if jenis == "ya_tidak":
        return value if isinstance(value, bool) else {"true": True, "false": False}[value]
    if isinstance(value, dt.datetime) and jenis == "tanggal":
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# ---- nothing outside .public() ---------------------------------------------------------------


def _kolom_dari_field_publik(modul, nama):
    """Every column is `id`, a public field, a derived column of one (`satker_kode`,
    `jenis_label`), or a public inline."""
    if nama == "id" or nama in modul.semua_public_fields:
        return True
    if any(nama == _akses(modul, i) for i in _anak_publik(modul)):
        return True
    dasar, _, akhiran = nama.rpartition("_")
    return dasar in modul.semua_public_fields and akhiran in ("kode", "nama", "label", "id")


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_unduhan_hanya_memuat_baris_publik_tanpa_penanda(modul, arsip, client):
    penanda, rows, lain = arsip
    publik = {r.pk for r in rows if r.is_public} | {lain.pk}
    assert len(publik) == 4
    for ext in FORMAT:
        for query, harapan in (
            ({}, publik),
            ({"wilayah": "18.72"}, publik - {lain.pk}),
            ({"q": "zq"}, set()),  # markers sit in every text field of non-public rows
            ({"hal": "2"}, publik),  # every page, not the second
        ):
            response, isi = _ambil(client, modul, ext, query)
            assert response.status_code == 200, (ext, query)
            header, data = _baca(isi, ext)
            assert _ids(data) == harapan, (ext, query)
            teks = _teks(isi, ext)
            bocor = [m for m in penanda.semua if m in teks]
            assert not bocor, f"{ext} {query} memuat {bocor}"
            for nama in header or ():
                assert _kolom_dari_field_publik(modul, nama), (ext, nama)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
@pytest.mark.parametrize(("status", "klasifikasi"), TIDAK_PUBLIK)
def test_setiap_status_tidak_publik_tidak_terunduh(modul, status, klasifikasi, buat, client):
    rek = buat(modul, "18.72", status, klasifikasi)
    for ext in FORMAT:
        assert rek.pk not in _unduh_ids(client, modul, ext)


# ---- the same rows as the list ---------------------------------------------------------------


def _id_daftar(client, modul, query):
    response = client.get(f"/data/{modul.kode}/", query)
    assert response.status_code == 200
    return test_leak._id_publik_di(response.text, modul)


@pytest.fixture
def tersebar(modul, buat):
    """Public rows in three offices of two provinces, and non-public rows beside them."""
    rows = [
        buat(modul, "18.72", "disetujui", "berkala", i=0),
        buat(modul, "18.72", "disetujui", "setiap_saat", i=3),
        buat(modul, "18.01", "disetujui", "serta_merta", i=1),
        buat(modul, "64.08", "disetujui", "berkala", i=2),
    ]
    buat(modul, "18.72", "diajukan", i=5)
    buat(modul, "64.08", "disetujui", "dikecualikan", i=6)
    return rows


def _saringan(modul, rows):
    contoh = rows[0]
    queries = [
        {},
        {"wilayah": "18.72"},
        {"wilayah": "18"},
        {"wilayah": "64"},
        {"periode": f"{contoh.periode:%Y-%m}"},
        {"periode_dari": f"{contoh.periode:%Y-%m}", "periode_sampai": f"{contoh.periode:%Y-%m}"},
        {"q": str(getattr(contoh, modul.judul_field))},
    ]
    if contoh.pemilihan_id:
        queries.append({"pemilihan": contoh.pemilihan.kode})
    queries += [{name: getattr(contoh, name)} for name in modul.filter_fields]
    queries += [{f.name: v} for f in modul.filter_tambahan for v, _label in f.choices]
    return queries


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_saringan_mempersempit_unduhan_sama_dengan_daftar(modul, tersebar, client):
    semua = {r.pk for r in tersebar}
    sempit = 0
    for query in _saringan(modul, tersebar):
        di_daftar = _id_daftar(client, modul, query)
        for ext in FORMAT:
            assert _unduh_ids(client, modul, ext, query) == di_daftar, (query, ext)
        sempit += di_daftar < semua
    assert _id_daftar(client, modul, {"wilayah": "64"}) == {tersebar[3].pk}
    assert sempit >= 3  # the filters really narrowed something


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_saringan_salah_ditolak_400_dengan_pesan(modul, client):
    salah = [
        ({"periode": "2024-13"}, "Periode “2024-13” tidak valid"),
        ({"periode_dari": "Maret"}, "Periode dari “Maret” tidak valid"),
        ({"wilayah": "Metro"}, "Kode wilayah “Metro” tidak dikenali"),
    ]
    for name in modul.filter_fields:
        label = str(modul.field(name).verbose_name)
        salah.append(({name: "zzz"}, f"Nilai “zzz” tidak dikenal untuk {label}"))
    salah += [
        ({f.name: "zzz"}, f"Nilai “zzz” tidak dikenal untuk {f.label}")
        for f in modul.filter_tambahan
    ]
    for query, pesan in salah:
        for ext in FORMAT:
            response = client.get(f"/data/{modul.kode}.{ext}", query)
            assert response.status_code == 400, (query, ext)
            if ext == "json":
                assert any(pesan in e for e in response.json()["kesalahan"])
            else:
                assert pesan in response.content.decode()


def test_modul_tak_dikenal_404(client):
    for ext in FORMAT:
        assert client.get(f"/data/tidakada.{ext}").status_code == 404
    assert client.get("/data/tidakada/kamus/").status_code == 404
    assert client.get("/data/tidakada/kamus.json").status_code == 404
    assert client.get("/data/pencegahan.exe").status_code == 404


# ---- round trip ------------------------------------------------------------------------------


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_pulang_pergi_sama_dengan_baris_publik(modul, tersebar, client):
    kamus = _kamus(client, modul)
    publik = modul.model.objects.public()
    harapan = {r.pk: _harapan(modul, r) for r in publik}
    assert set(harapan) == {r.pk for r in tersebar}
    for ext in FORMAT:
        _r, isi = _ambil(client, modul, ext)
        header, data = _baca(isi, ext)
        assert header == list(kamus), ext
        assert [int(r["id"]) for r in data] == [r.pk for r in publik.order_by("-periode", "-id")], (
            "urutan seperti daftar publik"
        )
        for row in data:
            for nama, nilai in harapan[int(row["id"])].items():
                jenis = kamus[nama]["jenis"]
                assert _kanonik(row[nama], jenis, ext) == _kanonik(nilai, jenis, ext), (
                    ext,
                    nama,
                    row[nama],
                    nilai,
                )
            for nama, k in kamus.items():
                if k["jenis"] == "kode" and k["pilihan"] and row[nama] not in (None, ""):
                    assert row[nama] in k["pilihan"], (ext, nama, row[nama])


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_nilai_bertipe_di_xlsx_dan_json(modul, tersebar, client):
    """Numbers stay numbers, dates are dates (ISO text in JSON), in every module."""
    kamus = _kamus(client, modul)
    _r, isi_xlsx = _ambil(client, modul, "xlsx")
    _r, isi_json = _ambil(client, modul, "json")
    data_xlsx = _baca(isi_xlsx, "xlsx")[1]
    data_json = _baca(isi_json, "json")[1]
    for xlsx, js in zip(data_xlsx, data_json, strict=True):
        for nama, k in kamus.items():
            if xlsx[nama] is None:
                assert js[nama] in (None, ""), nama
                continue
            if k["jenis"] in ("bilangan_bulat", "desimal"):
                assert isinstance(xlsx[nama], int | float), nama
                assert isinstance(js[nama], int | float), nama
            elif k["jenis"] == "tanggal":
                assert isinstance(xlsx[nama], dt.datetime), nama
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", js[nama]), nama
            elif k["jenis"] == "ya_tidak":
                assert isinstance(xlsx[nama], bool), nama
                assert isinstance(js[nama], bool), nama
            else:
                assert isinstance(xlsx[nama], str), nama


# ---- formula injection -----------------------------------------------------------------------

RUMUS = ["=1+2", '=HYPERLINK("http://contoh.invalid","klik")', "+62-812", "-2+3", "@SUM(A1)"]
RUMUS += ["\tTAB", "\rCR"]


def test_netralkan():
    for teks in RUMUS:
        assert ekspor.netralkan(teks) == "'" + teks
    for teks in ("Sosialisasi", "18.72", "'sudah", " =spasi", ""):
        assert ekspor.netralkan(teks) == teks


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_rumus_dinetralkan_di_csv_dan_xlsx(modul, buat, client):
    rek = buat(modul, "18.72", "disetujui", "berkala")
    judul = modul.judul_field
    for teks in RUMUS:
        modul.model.objects.filter(pk=rek.pk).update(**{judul: teks})
        _r, isi = _ambil(client, modul, "csv")
        _h, rows = _baca(isi, "csv")
        assert rows[0][judul] == "'" + teks
        assert rows[0]["id"] == str(rek.pk)
        _r, isi = _ambil(client, modul, "xlsx")
        header, baris = _buku(isi).worksheets[0].iter_rows(max_row=2)
        sel = baris[[c.value for c in header].index(judul)]
        assert sel.data_type == "s"
        assert sel.value == "'" + teks.replace("\r", "\n")  # XML reads CR as a line feed
        assert baris[0].data_type == "n"  # the id stays a number
        _r, isi = _ambil(client, modul, "json")
        assert json.loads(isi)["data"][0][judul] == teks  # JSON carries the text as it is


# ---- stable names, license, headers ----------------------------------------------------------

KOLOM_PENCEGAHAN = [
    "id",
    "satker_kode",
    "satker_nama",
    "wilayah_kode",
    "wilayah_nama",
    "pemilihan_kode",
    "pemilihan_nama",
    "tahapan",
    "periode",
    "klasifikasi",
    "klasifikasi_label",
    "jenis",
    "jenis_label",
    "judul",
    "tanggal",
    "tempat",
    "sasaran",
    "jumlah_peserta",
    "ringkasan",
    "hasil",
]


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_nama_kolom_tetap_di_semua_format_dan_bahasa(modul, buat, client):
    buat(modul, "18.72", "disetujui", "berkala")
    harapan = list(_kamus(client, modul))
    for ext in FORMAT:
        for bahasa in ("id", "en"):
            _r, isi = _ambil(client, modul, ext, HTTP_ACCEPT_LANGUAGE=bahasa)
            assert _baca(isi, ext)[0] == harapan, (ext, bahasa)
    # an empty download still names its columns (CSV, XLSX)
    for ext in ("csv", "xlsx"):
        _r, isi = _ambil(client, modul, ext, {"wilayah": "64"})
        header, rows = _baca(isi, ext)
        assert header == harapan
        assert rows == []
    assert json.loads(_ambil(client, modul, "json", {"wilayah": "64"})[1])["data"] == []


def test_nama_kolom_pencegahan_kontrak(client):
    from apps.core import registry

    assert list(_kamus(client, registry.get("pencegahan"))) == KOLOM_PENCEGAHAN


def test_nama_kolom_mou_dengan_kode_dan_mitra(client):
    from apps.core import registry

    kolom = list(_kamus(client, registry.get("mou")))
    assert kolom[-1] == "mitra"
    for nama in ("status_berlaku", "status_berlaku_label", "dokumen", "berlaku_sampai"):
        assert nama in kolom


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_setiap_unduhan_membawa_lisensi_dan_tanggal(modul, buat, client, settings):
    settings.LISENSI_DATA = {"nama": "Lisensi Uji 1.0", "url": "https://lisensi.invalid/uji/"}
    buat(modul, "18.72", "disetujui", "berkala")
    tanggal = HARI_INI().isoformat()
    query = {"wilayah": "18.72", "hal": "3"}
    for ext in FORMAT:
        response, isi = _ambil(client, modul, ext, query)
        assert response["Content-Disposition"] == (
            f'attachment; filename="{modul.kode}-{tanggal}.{ext}"'
        )
        link = response["Link"]
        assert f"<http://testserver/data/{modul.kode}/kamus/>" in link
        assert f"<http://testserver/data/{modul.kode}/kamus.json>" in link
        assert '<https://lisensi.invalid/uji/>; rel="license"' in link
        assert response["Content-Type"].startswith(unduh.MEDIA[ext].split(";")[0])
    _r, isi = _ambil(client, modul, "json", query)
    data = json.loads(isi)
    assert list(data)[-1] == "data"
    assert data["lisensi"] == settings.LISENSI_DATA
    assert data["sumber"] == f"http://testserver/data/{modul.kode}/?wilayah=18.72"
    assert data["kamus"] == f"http://testserver/data/{modul.kode}/kamus.json"
    assert data["diunduh_pada"].startswith(tanggal)
    _r, isi = _ambil(client, modul, "xlsx", query)
    wb = _buku(isi)
    assert wb.sheetnames[1] == "Keterangan"
    keterangan = "\n".join(
        str(v) for row in wb["Keterangan"].iter_rows(values_only=True) for v in row if v
    )
    for teks in (
        "Lisensi Uji 1.0",
        "https://lisensi.invalid/uji/",
        f"http://testserver/data/{modul.kode}/?wilayah=18.72",
        f"http://testserver/data/{modul.kode}/kamus/",
        tanggal,
        *_kamus(client, modul),
    ):
        assert teks in keterangan, teks


def test_lisensi_bawaan_cc_by(client):
    from django.conf import settings

    assert settings.LISENSI_DATA["url"] == "https://creativecommons.org/licenses/by/4.0/"
    response = client.get("/data/pencegahan.csv")
    assert '<https://creativecommons.org/licenses/by/4.0/>; rel="license"' in response["Link"]


def test_csv_dan_json_dialirkan_xlsx_dari_berkas_sementara(client):
    for ext in ("csv", "json"):
        response = client.get(f"/data/pencegahan.{ext}")
        assert type(response) is StreamingHttpResponse
    # FileResponse reads the temporary file in blocks
    assert type(client.get("/data/pencegahan.xlsx")) is FileResponse


def test_xlsx_di_atas_batas_ditolak_dengan_saran_csv(buat, client, monkeypatch):
    from apps.core import registry

    modul = registry.get("pencegahan")
    for i in range(3):
        buat(modul, "18.72", "disetujui", "berkala", i=i)
    monkeypatch.setattr(unduh, "BATAS_BARIS_XLSX", 3)
    response, isi = _ambil(client, modul, "xlsx")
    assert response.status_code == 200
    assert len(_baca(isi, "xlsx")[1]) == 3
    monkeypatch.setattr(unduh, "BATAS_BARIS_XLSX", 2)
    response = client.get("/data/pencegahan.xlsx")
    assert response.status_code == 400
    assert "unduh CSV atau JSON" in response.content.decode()
    assert client.get("/data/pencegahan.csv").status_code == 200


# ---- data dictionary and links ---------------------------------------------------------------


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_kamus_data_halaman_dan_json(modul, client):
    kamus = _kamus(client, modul)
    for nama, k in kamus.items():
        assert k["label"], nama
        assert k["jenis"] in unduh.JENIS, nama
    for name in modul.filter_fields:
        assert set(kamus[name]["pilihan"]) == {str(v) for v, _l in modul.field(name).choices}
    assert set(kamus["klasifikasi"]["pilihan"]) == {"berkala", "serta_merta", "setiap_saat"}
    assert kamus["periode"]["jenis"] == "tanggal"
    response = client.get(f"/data/{modul.kode}/kamus/")
    assert response.status_code == 200
    for nama in kamus:
        assert f"<code>{nama}</code>" in response.text
    for name in modul.semua_public_fields:
        try:
            label = str(modul.field(name).verbose_name)
        except FieldDoesNotExist:
            label = str(getattr(modul.model, name).fget.label)
        assert label[:1].upper() + label[1:] in response.text, name


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_tautan_unduhan_dan_kamus_di_daftar_dan_katalog(modul, client):
    response = client.get(f"/data/{modul.kode}/", {"wilayah": "18.72", "hal": "2"})
    for ext in FORMAT:
        assert f'href="/data/{modul.kode}.{ext}?wilayah=18.72"' in response.text
    assert f'href="/data/{modul.kode}/kamus/"' in response.text
    polos = client.get(f"/data/{modul.kode}/")
    assert f'href="/data/{modul.kode}.csv"' in polos.text
    katalog = client.get("/data/")
    assert f'href="/data/{modul.kode}/kamus/"' in katalog.text
    for ext in FORMAT:
        assert f'href="/data/{modul.kode}.{ext}"' in katalog.text
    assert 'href="/catalog.jsonld"' in katalog.text


# ---- query count -----------------------------------------------------------------------------


def _kueri(client, modul, ext):
    with CaptureQueriesContext(connection) as kueri:
        response, isi = _ambil(client, modul, ext)
    assert response.status_code == 200
    return len(kueri), _baca(isi, ext)[1]


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_jumlah_query_tidak_bertambah_per_baris(modul, admin, client):
    """Related rows joined, child rows prefetched per chunk: 5 rows and 40 rows cost the
    same number of queries."""
    jumlah = {}
    for n, mulai in ((5, 0), (40, 5)):
        factories.banyak_rekaman_tersebar(
            modul,
            n - mulai,
            oleh=admin,
            status=Status.DISETUJUI,
            klasifikasi="berkala",
            mulai=mulai,
        )
        for ext in FORMAT:
            jumlah[n, ext], rows = _kueri(client, modul, ext)
            assert len(rows) == n
    for ext in FORMAT:
        assert jumlah[5, ext] == jumlah[40, ext], ext
        # the token-free download: rows, a prefetch per public inline, the XLSX size check
        assert jumlah[40, ext] <= 2 + len(_anak_publik(modul)) + 1, ext


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_potongan_kecil_tetap_lengkap(modul, admin, client, monkeypatch):
    """Rows read in chunks of 7: every row once, each with its own child rows, and the
    queries grow per chunk, not per row."""
    monkeypatch.setattr(unduh, "UKURAN_POTONGAN", 7)
    rows = factories.banyak_rekaman_tersebar(
        modul, 40, oleh=admin, status=Status.DISETUJUI, klasifikasi="berkala"
    )
    harapan = {r.pk: _harapan(modul, r) for r in rows}
    potongan = -(-40 // 7)
    for ext in FORMAT:
        jumlah, data = _kueri(client, modul, ext)
        assert [int(r["id"]) for r in data] == sorted(
            harapan, key=lambda pk: (harapan[pk]["periode"], pk), reverse=True
        )
        assert jumlah <= 3 + potongan * len(_anak_publik(modul)), ext
        for row in data:
            for inline in _anak_publik(modul):
                nama = _akses(modul, inline)
                assert _kanonik(row[nama], "teks", ext) == _kanonik(
                    harapan[int(row["id"])][nama], "teks", ext
                )
