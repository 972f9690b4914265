"""`/catalog.jsonld`: the DCAT catalog of the published datasets (DESIGN §5), DCAT-AP style.

One `dcat:Dataset` per registered module, with a distribution per download format and one for
the API. Titles and descriptions in Indonesian and English. Coverage and modification time are
read from `.public()` only, so the catalog never tells more than the public lists do (not
even through a date). The `@context` is written inline: a reader never has to fetch anything
to understand the catalog.
"""

import calendar

from django.core.cache import cache
from django.db.models import Max, Min
from django.db.models.functions import Left
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from apps.core import publikasi, registry
from apps.core.models import WILAYAH_EFEKTIF
from apps.opendata.unduh import MEDIA, lisensi
from apps.wilayah.models import Wilayah

KONTEKS = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# Controlled vocabularies of DCAT-AP (EU Publications Office) and IANA: identifiers only,
# never fetched.
EU = "http://publications.europa.eu/resource/authority/"
INDONESIA = EU + "country/IDN"
BAHASA_INDONESIA = EU + "language/IND"
BULANAN = EU + "frequency/MONTHLY"
IANA = "https://www.iana.org/assignments/media-types/"
BAWASLU = "https://www.bawaslu.go.id/"

# format: (media type, DCAT-AP file type)
FORMAT = {
    "csv": (MEDIA["csv"].split(";")[0], "CSV"),
    "xlsx": (MEDIA["xlsx"], "XLSX"),
    "json": (MEDIA["json"], "JSON"),
}
DETIK_CACHE = 300


def katalog(request):
    """The catalog, cached under the public-content token (like the public pages): it changes
    the moment a record is published or withdrawn."""
    kunci = f"dcat:{publikasi.token()}:{request.scheme}:{request.get_host()}"
    data = cache.get(kunci)
    if data is None:
        data = bangun(request)
        cache.set(kunci, data, DETIK_CACHE)
    return JsonResponse(
        data,
        content_type="application/ld+json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


def _dua_bahasa(fungsi):
    """[{"@value": …, "@language": "id"}, {… "en"}]: `fungsi()` evaluated in each language."""
    result = []
    for bahasa in ("id", "en"):
        with translation.override(bahasa):
            result.append({"@value": str(fungsi()), "@language": bahasa})
    return result


def _iri(url):
    return {"@id": url}


def bangun(request):
    def mutlak(path):
        return request.build_absolute_uri(path)

    url_katalog = mutlak(reverse("opendata:dcat"))
    lis = _iri(lisensi()["url"])
    penerbit = {
        "@id": BAWASLU,
        "@type": "foaf:Organization",
        "foaf:name": _dua_bahasa(lambda: _("Badan Pengawas Pemilihan Umum Republik Indonesia")),
        "skos:prefLabel": "Bawaslu RI",
        "foaf:homepage": _iri(BAWASLU),
    }
    kontak = {
        "@type": "vcard:Organization",
        "vcard:fn": _dua_bahasa(lambda: _("PPID Bawaslu")),
        "vcard:hasURL": _iri(mutlak("/ppid/")),
    }
    ringkasan = ringkasan_publik()
    datasets = [
        _dataset(m, ringkasan[m.kode], url_katalog, mutlak, lis, kontak)
        for m in registry.all_modules()
    ]
    diubah = [r["diubah"] for r in ringkasan.values() if r["diubah"]]
    katalog = {
        "@context": KONTEKS,
        "@id": url_katalog,
        "@type": "dcat:Catalog",
        "dct:title": _dua_bahasa(lambda: _("Katalog Data Terbuka Bawaslu")),
        "dct:description": _dua_bahasa(
            lambda: _(
                "Data pengawasan pemilu Badan Pengawas Pemilihan Umum Republik Indonesia "
                "yang telah disetujui dan diklasifikasi sebagai informasi publik "
                "(UU 14/2008)."
            )
        ),
        "dct:publisher": penerbit,
        "dct:license": lis,
        "dct:language": _iri(BAHASA_INDONESIA),
        "dct:spatial": _iri(INDONESIA),
        "foaf:homepage": _iri(mutlak(reverse("portal:katalog"))),
        "dcat:dataset": datasets,
    }
    if diubah:
        katalog["dct:modified"] = _waktu(max(diubah))
    return katalog


def ringkasan_publik():
    """Per module, from its public rows only: the first and last reporting month, the
    latest approval or classification, and the provinces of the rows (their region, or
    their office's). Two queries per module, one for the province names."""
    result = {}
    for modul in registry.all_modules():
        publik = modul.model.objects.public().order_by()
        agg = publik.aggregate(
            awal=Min("periode"),
            akhir=Max("periode"),
            disetujui=Max("disetujui_pada"),
            diklasifikasi=Max("diklasifikasi_pada"),
        )
        provinsi = set(
            publik.annotate(prov=Left(WILAYAH_EFEKTIF, 2)).values_list("prov", flat=True).distinct()
        )
        result[modul.kode] = {
            "awal": agg["awal"],
            "akhir": agg["akhir"],
            "diubah": max((w for w in (agg["disetujui"], agg["diklasifikasi"]) if w), default=None),
            "provinsi": sorted(p for p in provinsi if p),
        }
    kode = {p for r in result.values() for p in r["provinsi"]}
    nama = dict(Wilayah.objects.filter(kode__in=kode).values_list("kode", "nama"))
    for r in result.values():
        r["provinsi"] = [(p, nama.get(p, p)) for p in r["provinsi"]]
    return result


def _waktu(nilai):
    return {"@value": nilai.isoformat(), "@type": "xsd:dateTime"}


def _tanggal(nilai):
    return {"@value": nilai.isoformat(), "@type": "xsd:date"}


def _akhir_bulan(tanggal):
    return tanggal.replace(day=calendar.monthrange(tanggal.year, tanggal.month)[1])


def _dataset(modul, ringkasan, url_katalog, mutlak, lis, kontak):
    kode = modul.kode
    dataset = {
        "@id": f"{url_katalog}#{kode}",
        "@type": "dcat:Dataset",
        "dct:identifier": kode,
        "dct:title": _dua_bahasa(lambda: modul.nama),
        "dct:description": _dua_bahasa(lambda: modul.deskripsi),
        "dct:publisher": _iri(BAWASLU),
        "dct:license": lis,
        "dct:accrualPeriodicity": _iri(BULANAN),
        "dct:language": _iri(BAHASA_INDONESIA),
        "dcat:contactPoint": kontak,
        "dcat:keyword": [
            *_dua_bahasa(lambda: modul.nama),
            {"@value": "Bawaslu", "@language": "id"},
            *_dua_bahasa(lambda: _("pengawasan pemilu")),
            *_dua_bahasa(lambda: _("data terbuka")),
        ],
        "dcat:landingPage": _iri(mutlak(reverse("portal:daftar", args=[kode]))),
        "foaf:page": _iri(mutlak(reverse("opendata:kamus", args=[kode]))),
        "dct:spatial": [
            _iri(INDONESIA),
            *(
                {
                    "@type": "dct:Location",
                    "dct:identifier": p,
                    "skos:prefLabel": {"@value": nama, "@language": "id"},
                }
                for p, nama in ringkasan["provinsi"]
            ),
        ],
        "dcat:distribution": _distribusi(modul, url_katalog, mutlak, lis),
    }
    if ringkasan["diubah"]:
        dataset["dct:modified"] = _waktu(ringkasan["diubah"])
    if ringkasan["awal"]:
        dataset["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": _tanggal(ringkasan["awal"]),
            # the last reporting month, to its last day
            "dcat:endDate": _tanggal(_akhir_bulan(ringkasan["akhir"])),
        }
    return dataset


def _distribusi(modul, url_katalog, mutlak, lis):
    kode = modul.kode
    kamus = _iri(mutlak(reverse("opendata:kamus_json", args=[kode])))
    result = []
    for ext, (media, jenis) in FORMAT.items():
        url = mutlak(reverse("opendata:unduh", kwargs={"modul": kode, "ext": ext}))
        result.append(
            {
                "@id": f"{url_katalog}#{kode}-{ext}",
                "@type": "dcat:Distribution",
                "dct:title": _dua_bahasa(
                    lambda j=jenis: (
                        _("%(data)s (unduhan %(format)s)") % {"data": modul.nama, "format": j}
                    )
                ),
                "dcat:accessURL": _iri(url),
                "dcat:downloadURL": _iri(url),
                "dcat:mediaType": _iri(IANA + media),
                "dct:format": _iri(EU + "file-type/" + jenis),
                "dct:license": lis,
                "dct:conformsTo": kamus,
            }
        )
    # the open-data API (apps/ppid/api, DESIGN §6), linked by its path, not imported
    result.append(
        {
            "@id": f"{url_katalog}#{kode}-api",
            "@type": "dcat:Distribution",
            "dct:title": _dua_bahasa(
                lambda: _("%(data)s (API JSON, per halaman)") % {"data": modul.nama}
            ),
            "dcat:accessURL": _iri(mutlak(f"/api/v1/{kode}/")),
            "dcat:mediaType": _iri(IANA + MEDIA["json"]),
            "dct:format": _iri(EU + "file-type/JSON"),
            "dct:license": lis,
        }
    )
    return result
