"""`/catalog.jsonld`: a DCAT catalog that parses as JSON-LD without the network, one dataset
per registered module with its distributions, titles in Indonesian and English, and coverage
and dates read from public rows only (DESIGN §5)."""

import datetime as dt
import json
import socket

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rdflib import Graph, Literal, Namespace, URIRef

from apps.core import registry
from tests import factories
from tests.conftest import MODULS, TIDAK_PUBLIK, modul_id
from tests.portal import test_leak

# every status × classification, markers in every non-public field (tests/portal/test_leak.py)
arsip = test_leak.arsip

pytestmark = [
    pytest.mark.django_db,
    # rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

DASAR = "http://testserver"
# plain namespaces: rdflib's closed ones warn when pytest probes their attributes
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
MEDIA = {
    "csv": "https://www.iana.org/assignments/media-types/text/csv",
    "xlsx": "https://www.iana.org/assignments/media-types/"
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "https://www.iana.org/assignments/media-types/application/json",
}


@pytest.fixture
def tanpa_jaringan(monkeypatch):
    """Any attempt to reach the network (a remote @context) fails the test."""

    def tolak(*args, **kwargs):
        raise AssertionError(f"akses jaringan saat membaca katalog: {args}")

    monkeypatch.setattr(socket.socket, "connect", tolak)
    monkeypatch.setattr(socket, "create_connection", tolak)
    monkeypatch.setattr(socket, "getaddrinfo", tolak)


def _katalog(client):
    response = client.get("/catalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return response


def _graf(response):
    return Graph().parse(data=response.content.decode(), format="json-ld", base=DASAR)


def _konteks(node):
    """Every @context in the document, however deep."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                yield value
            yield from _konteks(value)
    elif isinstance(node, list):
        for item in node:
            yield from _konteks(item)


def _dataset(g, modul):
    found = list(g.subjects(DCAT.landingPage, URIRef(f"{DASAR}/data/{modul.kode}/")))
    assert len(found) == 1, modul.kode
    return found[0]


def _bahasa(g, subject, predicate):
    return {lit.language: str(lit) for lit in g.objects(subject, predicate)}


def test_konteks_hanya_di_dalam_dokumen(client):
    data = json.loads(_katalog(client).content)
    konteks = list(_konteks(data))
    assert konteks
    for k in konteks:
        # a string or a list of strings would name a remote context
        assert isinstance(k, dict), k
        assert "@import" not in k
        assert all(isinstance(v, str) and v.startswith("http") for v in k.values())
    assert "schema.org" not in json.dumps(konteks)


def test_katalog_terbaca_rdflib_tanpa_jaringan(client, tanpa_jaringan, buat):
    for modul in MODULS:
        buat(modul, "18.72", "disetujui", "berkala")
    g = _graf(_katalog(client))
    katalog = URIRef(f"{DASAR}/catalog.jsonld")
    assert (katalog, RDF.type, DCAT.Catalog) in g
    assert set(_bahasa(g, katalog, DCTERMS.title)) == {"id", "en"}
    assert _bahasa(g, katalog, DCTERMS.title)["id"] == "Katalog Data Terbuka Bawaslu"
    assert set(_bahasa(g, katalog, DCTERMS.description)) == {"id", "en"}
    penerbit = g.value(katalog, DCTERMS.publisher)
    assert (penerbit, RDF.type, FOAF.Organization) in g
    assert "Bawaslu RI" in {str(o) for o in g.objects(penerbit, SKOS.prefLabel)}
    assert g.value(katalog, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert g.value(katalog, FOAF.homepage) == URIRef(f"{DASAR}/data/")
    assert len(list(g.objects(katalog, DCAT.dataset))) == len(MODULS)

    hasil = g.query(
        """SELECT ?d ?dist ?media ?akses WHERE {
             ?c a dcat:Catalog ; dcat:dataset ?d .
             ?d a dcat:Dataset ; dcat:distribution ?dist .
             ?dist a dcat:Distribution ; dcat:mediaType ?media ; dcat:accessURL ?akses ;
                   dct:format ?format ; dct:license ?lisensi .
           }""",
        initNs={"dcat": DCAT, "dct": DCTERMS},
    )
    per_dataset = {}
    for d, _dist, media, akses in hasil:
        per_dataset.setdefault(d, set()).add((str(media), str(akses)))
    for modul in MODULS:
        d = _dataset(g, modul)
        assert (d, DCAT.keyword, Literal("Bawaslu", lang="id")) in g
        assert set(_bahasa(g, d, DCTERMS.title)) == {"id", "en"}
        assert _bahasa(g, d, DCTERMS.title)["id"] == str(modul.nama)
        assert set(_bahasa(g, d, DCTERMS.description)) == {"id", "en"}
        assert g.value(d, DCTERMS.publisher) == penerbit
        assert g.value(d, DCTERMS.license) is not None
        assert g.value(d, DCTERMS.modified) is not None
        assert g.value(d, DCTERMS.temporal) is not None
        harapan = {(MEDIA[ext], f"{DASAR}/data/{modul.kode}.{ext}") for ext in MEDIA}
        harapan.add((MEDIA["json"], f"{DASAR}/api/v1/{modul.kode}/"))
        assert per_dataset[d] == harapan, modul.kode
        unduhan = {
            str(u)
            for dist in g.objects(d, DCAT.distribution)
            for u in g.objects(dist, DCAT.downloadURL)
        }
        assert unduhan == {f"{DASAR}/data/{modul.kode}.{ext}" for ext in MEDIA}


def test_katalog_kosong_tetap_memuat_setiap_modul_tanpa_tanggal(client, tanpa_jaringan):
    g = _graf(_katalog(client))
    for modul in MODULS:
        d = _dataset(g, modul)
        assert g.value(d, DCTERMS.modified) is None
        assert g.value(d, DCTERMS.temporal) is None
        spasial = set(g.objects(d, DCTERMS.spatial))
        assert spasial == {URIRef("http://publications.europa.eu/resource/authority/country/IDN")}


def _rentang(g, d):
    waktu = g.value(d, DCTERMS.temporal)
    return (
        g.value(waktu, DCAT.startDate).toPython(),
        g.value(waktu, DCAT.endDate).toPython(),
    )


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_katalog_tidak_membocorkan_apa_pun_selain_publik(modul, arsip, client, tanpa_jaringan):
    """No marker of a non-public field, and the dates and places come from public rows only:
    the non-public rows are moved to 2001 and approved in 2099, which must not show."""
    penanda, rows, lain = arsip
    publik = [r for r in rows if r.is_public] + [lain]
    bukan = [r.pk for r in rows if not r.is_public]
    for i, pk in enumerate(bukan):  # one month each: some modules report once per month
        modul.model.objects.filter(pk=pk).update(
            periode=dt.date(2001, i + 1, 1),
            disetujui_pada=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
            diklasifikasi_pada=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
        )
    response = _katalog(client)
    bocor = [m for m in penanda.semua if m in response.content.decode()]
    assert not bocor, bocor
    g = _graf(response)
    d = _dataset(g, modul)
    segar = modul.model.objects.filter(pk__in=[r.pk for r in publik])
    awal, akhir = _rentang(g, d)
    assert awal == min(r.periode for r in segar)
    assert (akhir.year, akhir.month) == max((r.periode.year, r.periode.month) for r in segar)
    assert (akhir + dt.timedelta(days=1)).day == 1  # the last day of that month
    diubah = g.value(d, DCTERMS.modified).toPython()
    assert diubah.year < 2099
    assert diubah == max(max(r.disetujui_pada, r.diklasifikasi_pada) for r in segar)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_cakupan_wilayah_hanya_dari_baris_publik(modul, buat, client):
    buat(modul, "18.72", "disetujui", "berkala")
    for status, klasifikasi in TIDAK_PUBLIK:
        buat(modul, "64.08", status, klasifikasi)
    g = _graf(_katalog(client))
    d = _dataset(g, modul)
    provinsi = {
        str(g.value(s, DCTERMS.identifier)): str(g.value(s, SKOS.prefLabel))
        for s in g.objects(d, DCTERMS.spatial)
        if g.value(s, DCTERMS.identifier) is not None
    }
    assert provinsi == {"18": "Lampung"}
    for lain in MODULS:
        if lain is not modul:
            assert g.value(_dataset(g, lain), DCTERMS.temporal) is None


def test_katalog_disimpan_sampai_publikasi_berubah(client, buat, django_assert_max_num_queries):
    modul = registry.get("pencegahan")
    pertama = buat(modul, "18.72", "disetujui", "berkala")
    _katalog(client)
    with django_assert_max_num_queries(1):  # the public-content token, then the cache
        _katalog(client)
    buat(modul, "64.08", "disetujui", "berkala")  # publishing changes the token
    g = _graf(_katalog(client))
    spasial = {
        str(g.value(s, DCTERMS.identifier)) for s in g.objects(_dataset(g, modul), DCTERMS.spatial)
    }
    assert {"18", "64"} <= spasial
    assert pertama.pk


def test_jumlah_query_tidak_bergantung_baris(client, admin):
    jumlah = {}
    for n, mulai in ((2, 0), (20, 2)):
        for modul in MODULS:
            factories.banyak_rekaman_tersebar(
                modul,
                n - mulai,
                oleh=admin,
                status="disetujui",
                klasifikasi="berkala",
                mulai=mulai,
            )
        cache.clear()
        with CaptureQueriesContext(connection) as kueri:
            _katalog(client)
        jumlah[n] = len(kueri)
    assert jumlah[2] == jumlah[20]
    # token, two per module, the province names
    assert jumlah[20] <= 2 + 2 * len(MODULS)
