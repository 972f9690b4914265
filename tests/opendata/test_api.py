"""The open-data API `/api/v1/` (DESIGN §5, §6) shows what the public pages show and nothing
more: exactly the `.public()` rows, exactly the public fields, the same filters, pages without
COUNT(*), no login, read-only, rate-limited, CORS only under /api/."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core import registry
from apps.opendata.api.serializers import nama_anak
from tests import factories
from tests.conftest import MODULS, PUBLIK, SKENARIO, modul_id
from tests.portal import test_leak

# every API request counts against the rate limit, which is kept in the database
pytestmark = pytest.mark.django_db

# the leak tests' archive: every status × classification, markers in every non-public field
arsip = test_leak.arsip

KUNCI_TAMBAHAN = {"id", "url"}


def kunci_publik(modul):
    """The keys a record of `modul` has in the API: its public fields, id, url and its public
    child rows."""
    anak = {nama_anak(i, modul.model) for i in modul.inlines_publik}
    return set(modul.semua_public_fields) | KUNCI_TAMBAHAN | anak


def daftar_id(client, modul, **params):
    response = client.get(f"/api/v1/{modul.kode}/", {"page_size": 500, **params})
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def _html_id(html, modul):
    return {int(pk) for pk in re.findall(rf'href="/data/{modul.kode}/(\d+)/"', html)}


def _publik_tersebar(modul, n, admin, mulai=0):
    return factories.banyak_rekaman_tersebar(
        modul, n, oleh=admin, status="disetujui", klasifikasi="berkala", mulai=mulai
    )


# ---- leak ------------------------------------------------------------------------------------


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_api_hanya_menampilkan_data_publik(modul, arsip, client, admin, koorsek_metro):
    penanda, rows, lain = arsip
    publik = {r.pk for r, (st, kl) in zip(rows, SKENARIO, strict=False) if kl in PUBLIK}
    assert len(publik) == 3

    responses = []
    daftar = client.get(f"/api/v1/{modul.kode}/")
    assert daftar.status_code == 200
    assert {r["id"] for r in daftar.json()["results"]} == publik | {lain.pk}
    responses.append(daftar)
    for params in ({"q": "zq"}, {"wilayah": "18"}, {"page_size": 1}):
        responses.append(client.get(f"/api/v1/{modul.kode}/", params))
        assert responses[-1].status_code == 200

    tidak_ada = client.get(f"/api/v1/{modul.kode}/{max(r.pk for r in rows) + 10_000}/")
    assert tidak_ada.status_code == 404
    for rek in rows:
        response = client.get(f"/api/v1/{modul.kode}/{rek.pk}/")
        responses.append(response)
        if rek.pk in publik:
            assert response.status_code == 200
            assert response.json()["id"] == rek.pk
        else:
            # not approved, not public, withdrawn: the same answer as an id that never was
            assert response.status_code == 404, (rek.status, rek.klasifikasi)
            assert response.content == tidak_ada.content
    for lain_modul in MODULS:
        if lain_modul is not modul and not lain_modul.model.objects.filter(pk=lain.pk).exists():
            response = client.get(f"/api/v1/{lain_modul.kode}/{lain.pk}/")
            assert response.status_code == 404, lain_modul.kode
            assert response.content == tidak_ada.content

    responses += [client.get("/api/v1/"), client.get("/api/v1/openapi.json")]
    for response in responses:
        test_leak._tanpa_penanda(response, penanda)

    # a logged-in officer who may see every record of Kota Metro still gets the public ones
    client.force_login(koorsek_metro)
    assert daftar_id(client, modul) == publik | {lain.pk}
    assert client.get(f"/api/v1/{modul.kode}/{rows[0].pk}/").status_code == 404
    client.logout()
    # the markers are real: the staff pages do show them
    test_leak._cek_penanda_di_halaman_staf(client, modul, penanda, rows, admin)


# ---- fields ----------------------------------------------------------------------------------


def _bidang_skema(client, modul):
    dokumen = client.get("/api/v1/openapi.json").json()
    return set(dokumen["components"]["schemas"][modul.model.__name__]["properties"])


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_kunci_json_tepat_field_publik(modul, buat, client):
    rek = buat(modul, "18.72", "disetujui", "berkala")
    daftar = client.get(f"/api/v1/{modul.kode}/").json()["results"]
    assert [r["id"] for r in daftar] == [rek.pk]
    assert set(daftar[0]) == kunci_publik(modul)
    detail = client.get(f"/api/v1/{modul.kode}/{rek.pk}/").json()
    assert detail == daftar[0]
    assert _bidang_skema(client, modul) == kunci_publik(modul)
    for inline in modul.inlines_publik:
        for anak in detail[nama_anak(inline, modul.model)]:
            assert set(anak) == set(inline.fields)
    assert not {"catatan_internal", "created_by", "alasan_pengecualian"} & set(detail)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_nilai_dengan_kode_yang_stabil(modul, buat, client):
    rek = buat(modul, "18.72", "disetujui", "serta_merta")
    data = client.get(f"/api/v1/{modul.kode}/{rek.pk}/").json()
    assert data["satker"] == {"kode": "18.72", "nama": rek.satker.nama}
    assert data["klasifikasi"] == "serta_merta"
    assert data["periode"] == rek.periode.isoformat()
    assert data["url"] == f"http://testserver/api/v1/{modul.kode}/{rek.pk}/"
    if rek.wilayah_id:
        assert data["wilayah"] == {"kode": rek.wilayah_id, "nama": rek.wilayah.nama}
    assert data["pemilihan"] == (rek.pemilihan.kode if rek.pemilihan_id else None)
    fields = {f.name: f for f in modul.model._meta.fields}
    for name in modul.public_fields:
        if name in fields and fields[name].choices:
            assert data[name] == getattr(rek, name), name


def test_mou_status_berlaku_berkas_dan_mitra(buat, client, settings, tmp_path):
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    mou = registry.get("mou")
    rek = buat(mou, "18.72", "disetujui", "berkala")
    data = client.get(f"/api/v1/mou/{rek.pk}/").json()
    assert data["status_berlaku"] == rek.kode_status_berlaku.value
    assert data["status_berlaku"] in {"berlaku", "akan_berakhir", "berakhir"}
    assert data["mitra"] == [{"nama": m.nama, "jenis": m.jenis} for m in rek.mitra.order_by("pk")]
    assert data["mitra"]

    rek.dokumen.save("perjanjian.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    data = client.get(f"/api/v1/mou/{rek.pk}/").json()
    assert data["dokumen"] == f"http://testserver/data/mou/{rek.pk}/berkas/dokumen/"
    assert client.get(data["dokumen"]).status_code == 200
    # the filter takes the same codes the API shows
    assert daftar_id(client, mou, status_berlaku=data["status_berlaku"]) == {rek.pk}


# ---- filters ---------------------------------------------------------------------------------


def _contoh_filter(modul, rows):
    """Query strings worth comparing, drawn from the rows themselves."""
    contoh = [{"wilayah": "18"}, {"wilayah": "18.72"}, {"wilayah": "18.01"}, {"wilayah": "64"}]
    contoh += [{"wilayah": r.wilayah_id} for r in rows[:3] if r.wilayah_id]
    contoh += [{"pemilihan": r.pemilihan.kode} for r in rows[:1] if r.pemilihan_id]
    bulan = sorted({r.periode for r in rows})
    tengah = bulan[len(bulan) // 2]
    contoh += [
        {"periode": f"{tengah:%Y-%m}"},
        {"periode_dari": f"{tengah:%Y-%m}"},
        {"periode_sampai": f"{tengah:%Y-%m}"},
        {"periode_dari": f"{bulan[0]:%Y-%m}", "periode_sampai": f"{tengah:%Y-%m}"},
        {"q": str(getattr(rows[0], modul.judul_field))},
    ]
    for name in modul.filter_fields:
        contoh += [{name: k} for k, _label in modul.field(name).flatchoices]
    for tambahan in modul.filter_tambahan:
        contoh += [{tambahan.name: k} for k, _label in tambahan.choices]
    return contoh


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_filter_sama_dengan_halaman_publik(modul, client, admin):
    rows = _publik_tersebar(modul, 15, admin)
    for params in _contoh_filter(modul, rows):
        html = client.get(f"/data/{modul.kode}/", params)
        assert html.status_code == 200
        assert daftar_id(client, modul, **params) == _html_id(html.text, modul), params


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_filter_wilayah_dengan_turunannya_pemilihan_dan_periode(modul, client, admin):
    rows = _publik_tersebar(modul, 15, admin)

    def di(kode):
        return {
            r.pk
            for r in rows
            if r.wilayah_id == kode or (r.wilayah_id or "").startswith(kode + ".")
        }

    assert di("18") > di("18.72")
    assert di("18.72")
    assert daftar_id(client, modul, wilayah="18") == di("18")
    assert daftar_id(client, modul, wilayah="18.72") == di("18.72")

    pemilihan = {r.pemilihan.kode for r in rows if r.pemilihan_id}
    for kode in pemilihan:
        assert daftar_id(client, modul, pemilihan=kode) == {
            r.pk for r in rows if r.pemilihan_id and r.pemilihan.kode == kode
        }

    bulan = sorted({r.periode for r in rows})
    dari, sampai = bulan[0], bulan[len(bulan) // 2]
    assert daftar_id(
        client, modul, periode_dari=f"{dari:%Y-%m}", periode_sampai=f"{sampai:%Y-%m}"
    ) == {r.pk for r in rows if dari <= r.periode <= sampai}


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_nilai_filter_yang_tidak_dikenal_ditolak_400(modul, client):
    salah = [
        ({"wilayah": "kota-metro"}, "kota-metro"),
        ({"periode": "2024-13"}, "2024-13"),
        ({"periode_dari": "maret"}, "maret"),
        ({"page_size": "banyak"}, "banyak"),
        ({"page_size": "0"}, "0"),
        ({"cursor": "bukan-kursor"}, "bukan-kursor"),
        # an unknown election is refused as statistics and roll-ups refuse it, not an empty list
        ({"pemilihan": "tidak-ada"}, "tidak-ada"),
        # an unknown region is named, not answered with an empty list
        ({"wilayah": "18.73"}, "18.73"),
        ({"q": "sosialisasi\x00"}, "karakter kendali"),
    ]
    salah += [({name: "zzz-salah"}, "zzz-salah") for name in modul.filter_fields]
    salah += [({t.name: "zzz-salah"}, "zzz-salah") for t in modul.filter_tambahan]
    for params, nilai in salah:
        response = client.get(f"/api/v1/{modul.kode}/", params)
        assert response.status_code == 400, params
        assert nilai in response.json()["detail"], params
        assert response["Content-Type"] == "application/json"


# ---- pagination ------------------------------------------------------------------------------


def _kueri_data(kueri):
    """The queries of a request, without those counting the rate limit (a small table of
    its own, written in a savepoint; see throttling.py)."""
    return [
        q["sql"]
        for q in kueri.captured_queries
        if "api_batas_laju" not in q["sql"] and "SAVEPOINT" not in q["sql"]
    ]


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_halaman_berikut_menelusuri_semua_tanpa_count(modul, client, admin):
    rows = _publik_tersebar(modul, 11, admin)
    urutan = [r.pk for r in sorted(rows, key=lambda r: (r.periode, r.pk), reverse=True)]

    halaman, url, kueri_per_halaman = [], f"/api/v1/{modul.kode}/?page_size=3", []
    while url:
        with CaptureQueriesContext(connection) as kueri:
            data = client.get(url).json()
        sql = _kueri_data(kueri)
        assert not [q for q in sql if "COUNT(" in q.upper()], sql
        kueri_per_halaman.append(len(sql))
        halaman.append([r["id"] for r in data["results"]])
        assert (data["previous"] is None) == (len(halaman) == 1)
        url = data["next"]
    assert [pk for h in halaman for pk in h] == urutan
    assert [len(h) for h in halaman] == [3, 3, 3, 2]
    # the same queries on every page, whatever the page shows
    assert len(set(kueri_per_halaman)) == 1
    # the rows, and the child rows of each public inline
    assert kueri_per_halaman[0] == 1 + len(modul.inlines_publik)

    # and back again through `previous`
    kembali, url = [], data["previous"]
    while url:
        data = client.get(url).json()
        kembali.append([r["id"] for r in data["results"]])
        url = data["previous"]
    assert kembali == halaman[-2::-1]


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_halaman_berikut_membawa_filter(modul, client, admin):
    rows = _publik_tersebar(modul, 10, admin)
    harapan = [
        r.pk
        for r in sorted(rows, key=lambda r: (r.periode, r.pk), reverse=True)
        if r.wilayah_id == "18" or (r.wilayah_id or "").startswith("18.")
    ]
    assert 2 < len(harapan) < len(rows)
    dilihat, url = [], f"/api/v1/{modul.kode}/?wilayah=18&page_size=2"
    while url:
        data = client.get(url).json()
        dilihat += [r["id"] for r in data["results"]]
        url = data["next"]
    assert dilihat == harapan


@pytest.mark.parametrize("modul", MODULS[:1], ids=modul_id)
def test_kursor_melewati_baris_yang_ditarik_tanpa_mengulang(modul, client, admin):
    rows = _publik_tersebar(modul, 6, admin)
    pertama = client.get(f"/api/v1/{modul.kode}/?page_size=2").json()
    # the first page's rows are withdrawn meanwhile: the next page still starts after them
    modul.model.objects.filter(pk__in=[r["id"] for r in pertama["results"]]).update(
        status="draft", klasifikasi="belum"
    )
    kedua = client.get(pertama["next"]).json()
    urutan = [r.pk for r in sorted(rows, key=lambda r: (r.periode, r.pk), reverse=True)]
    assert [r["id"] for r in kedua["results"]] == urutan[2:4]


def test_ukuran_halaman_dibatasi(client, admin):
    from apps.opendata.api import pagination

    modul = MODULS[0]
    _publik_tersebar(modul, 4, admin)
    assert len(client.get(f"/api/v1/{modul.kode}/").json()["results"]) == 4
    pagination_maks, pagination.UKURAN_MAKS = pagination.UKURAN_MAKS, 3
    try:
        data = client.get(f"/api/v1/{modul.kode}/?page_size=100000").json()
    finally:
        pagination.UKURAN_MAKS = pagination_maks
    assert len(data["results"]) == 3
    assert data["next"]


# ---- index and document ----------------------------------------------------------------------


def test_indeks_memuat_setiap_modul(client):
    data = client.get("/api/v1/").json()
    assert [m["kode"] for m in data["modul"]] == registry.codes()
    assert data["openapi"] == "http://testserver/api/v1/openapi.json"
    dokumen = client.get("/api/v1/openapi.json").json()
    for entri, modul in zip(data["modul"], MODULS, strict=True):
        assert entri["nama"] == str(modul.nama)
        assert entri["daftar"] == f"http://testserver/api/v1/{modul.kode}/"
        assert entri["detail"] == f"http://testserver/api/v1/{modul.kode}/{{id}}/"
        assert client.get(entri["daftar"]).status_code == 200
        skema = entri["skema"].split("#/components/schemas/")[1]
        assert skema in dokumen["components"]["schemas"]
        assert f"/api/v1/{modul.kode}/" in dokumen["paths"]
        assert f"/api/v1/{modul.kode}/{{id}}/" in dokumen["paths"]


def test_dokumen_openapi_menyebut_filter_modul(client):
    dokumen = client.get("/api/v1/openapi.json").json()
    assert dokumen["openapi"].startswith("3.")
    for modul in MODULS:
        op = dokumen["paths"][f"/api/v1/{modul.kode}/"]["get"]
        nama = {p["name"] for p in op["parameters"]}
        assert {"wilayah", "pemilihan", "periode", "periode_dari", "periode_sampai", "q"} <= nama
        assert {"cursor", "page_size"} <= nama
        assert set(modul.filter_fields) | {t.name for t in modul.filter_tambahan} <= nama
        assert set(dokumen["paths"][f"/api/v1/{modul.kode}/{{id}}/"]) == {"get"}


# ---- HTTP: methods, login, CORS, rate limit --------------------------------------------------


@pytest.mark.parametrize("metode", ["post", "put", "patch", "delete"])
def test_hanya_baca(metode, client, buat, admin):
    modul = MODULS[0]
    rek = buat(modul, "18.72", "disetujui", "berkala")
    client.force_login(admin)  # not even the admin writes through the API
    for url in (
        "/api/v1/",
        f"/api/v1/{modul.kode}/",
        f"/api/v1/{modul.kode}/{rek.pk}/",
        "/api/v1/openapi.json",
    ):
        response = getattr(client, metode)(url, {}, content_type="application/json")
        assert response.status_code == 405, url
        assert "hanya untuk dibaca" in response.json()["detail"]
    assert modul.model.objects.filter(pk=rek.pk).exists()


def test_head_options_dan_selalu_json(client):
    modul = MODULS[0]
    assert client.head(f"/api/v1/{modul.kode}/").status_code == 200
    assert client.options(f"/api/v1/{modul.kode}/").status_code == 200
    response = client.get(f"/api/v1/{modul.kode}/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"] == []


ASAL = "https://data.contoh.go.id"


def test_cors_terbuka_hanya_untuk_api(client):
    for url in ("/api/v1/", f"/api/v1/{MODULS[0].kode}/", "/api/v1/openapi.json"):
        response = client.get(url, headers={"Origin": ASAL})
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        f"/api/v1/{MODULS[0].kode}/",
        headers={"Origin": ASAL, "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200
    metode = {m.strip() for m in preflight["Access-Control-Allow-Methods"].split(",")}
    assert metode == {"GET", "HEAD", "OPTIONS"}
    for url in ("/kelola/", "/data/", "/"):
        response = client.get(url, headers={"Origin": ASAL})
        assert "Access-Control-Allow-Origin" not in response, url


def _batas(settings, laju):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"publik": laju},
    }


def test_batas_laju_429_dengan_retry_after(client, settings):
    _batas(settings, "3/minute")
    url = f"/api/v1/{MODULS[0].kode}/"
    for _i in range(3):
        assert client.get(url).status_code == 200
    response = client.get(url)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Terlalu banyak permintaan" in response.json()["detail"]
    # every API URL counts; a forged X-Forwarded-For does not make a new client
    assert client.get("/api/v1/").status_code == 429
    assert client.get(url, headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 429
    # another address is another client; the public pages are not limited by it
    assert client.get(url, REMOTE_ADDR="198.51.100.7").status_code == 200
    assert client.get("/data/").status_code == 200


def test_batas_laju_dihitung_di_basis_data_bersama(client, settings):
    """Every gunicorn worker and container must see the same count: it is kept in
    PostgreSQL, not in the memory of one process."""
    _batas(settings, "2/minute")
    client.get("/api/v1/")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM api_batas_laju")
        kunci = [row[0] for row in cursor.fetchall()]
    assert any("throttle_publik_127.0.0.1" in k for k in kunci)


def test_batas_laju_di_belakang_proxy(client, settings):
    _batas(settings, "1/minute")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    url = "/api/v1/"
    assert client.get(url, headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 200
    assert client.get(url, headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 429
    assert client.get(url, headers={"X-Forwarded-For": "203.0.113.10"}).status_code == 200


def test_tanggal_periode_kursor_tidak_bergantung_bahasa(client, admin):
    modul = MODULS[0]
    _publik_tersebar(modul, 3, admin)
    data = client.get(f"/api/v1/{modul.kode}/?page_size=1", HTTP_ACCEPT_LANGUAGE="en").json()
    assert dt.date.fromisoformat(data["results"][0]["periode"])
    assert len(client.get(data["next"]).json()["results"]) == 1
