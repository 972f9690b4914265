"""The write API for the other Bawaslu applications: `POST /api/v1/masuk/<modul>/`.

An application an admin registered (`models.Aplikasi`) sends its key in the header
`Authorization: Api-Key <kunci>` (djangorestframework-api-key: hashed, revocable) and a batch
of 1 to 1,000 records as JSON, each under the import's column names with its own id:

    {"rekaman": [{"id_luar": "SIW-2024-0001", "satker": "18.72", "wilayah": "18.72.01", …}]}

The records go through exactly the spreadsheet import (`proses.jalankan_data`): the same
widgets read the values, the same rules check them, the same writer enters them as `diajukan`
(never approved, never classified), all or nothing. A record sent again with the same `id_luar`
changes its record (or nothing) — a retry never adds one. `"uji": true` checks without
writing. Every authenticated call leaves an audit row; calls are rate-limited per application.
"""

import logging
from collections.abc import Mapping

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import exceptions, serializers, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework_api_key.permissions import KeyParser

from apps.audit.services import catat
from apps.core import registry
from apps.core.kunci import kunci as kunci_ruang
from apps.imports import nilai, proses, sumber
from apps.imports.models import IdLuar, KunciAplikasi
from apps.opendata.api.schema import GALAT
from apps.opendata.api.throttling import BatasLajuKlien
from apps.opendata.api.views import ApiPublik

logger = logging.getLogger(__name__)

BATAS_REKAMAN = 1000  # records in one call
PANJANG_ID_LUAR = 100


class OtentikasiKunciAplikasi(BaseAuthentication):
    """`Authorization: Api-Key <kunci>`: the request's user is the application's service
    account, `request.auth` its key."""

    keyword = KeyParser.keyword

    def authenticate(self, request):
        kunci = KeyParser().get(request)
        if not kunci:
            return None
        try:
            k = KunciAplikasi.objects.get_from_key(kunci)
        except KunciAplikasi.DoesNotExist:
            logger.warning("kunci API aplikasi ditolak (awalan %s)", kunci.partition(".")[0][:8])
            raise exceptions.AuthenticationFailed(
                _("Kunci API tidak sah atau sudah dicabut.")
            ) from None
        if k.has_expired:
            raise exceptions.AuthenticationFailed(_("Kunci API sudah kedaluwarsa."))
        aplikasi = k.aplikasi
        if not aplikasi.aktif:
            raise exceptions.AuthenticationFailed(_("Aplikasi ini sedang dinonaktifkan."))
        return aplikasi.pengguna, k

    def authenticate_header(self, request):
        return self.keyword


class SkemaKunci(OpenApiAuthenticationExtension):
    target_class = OtentikasiKunciAplikasi
    name = "KunciAplikasi"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": _(
                "Kunci aplikasi dari admin Bawaslu Data Center, dikirim sebagai "
                "`Authorization: Api-Key <kunci>`."
            ),
        }


class WajibKunci(BasePermission):
    message = _("Sertakan kunci API aplikasi: Authorization: Api-Key <kunci>.")

    def has_permission(self, request, view):
        return isinstance(request.auth, KunciAplikasi)


class BatasLajuAplikasi(BatasLajuKlien):
    """Calls per application (every key of it together), counted in the shared cache; the
    rate is `REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["masuk"]` (env API_MASUK_BATAS_LAJU)."""

    scope = "masuk"

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, KunciAplikasi):
            return None  # refused before this; nothing to count
        return self.cache_format % {"scope": self.scope, "ident": request.auth.aplikasi_id}


class _Tolak(Exception):
    """A body without the promised shape: refused whole (400), `pesan` says what and where."""

    def __init__(self, pesan, indeks=None):
        super().__init__(pesan)
        self.pesan, self.indeks = pesan, indeks


# ---- the OpenAPI description of a module's records ------------------------------------------


def _bidang(k: sumber.Kolom):
    """The serializer field that describes column `k` in the OpenAPI document."""
    opsi = {"required": k.wajib and k.nama != "satker", "allow_null": not k.wajib}
    bantuan = str(k.field.help_text or "")
    w = k.widget
    if isinstance(w, nilai.Pilihan):
        return serializers.ChoiceField(choices=w.choices, help_text=bantuan, **opsi)
    if isinstance(w, nilai.Rujukan):
        if k.nama == "satker":
            bantuan = _("Kode satker; boleh dihilangkan bila aplikasi terikat pada satu satker.")
        else:
            bantuan = _("Kode (mis. kode Kemendagri wilayah) atau nama persisnya.")
        return serializers.CharField(help_text=bantuan, **opsi)
    if isinstance(w, nilai.Bulan):
        return serializers.RegexField(
            r"^[0-9]{4}-[0-9]{2}$", help_text=_("Bulan laporan, TTTT-BB."), **opsi
        )
    jenis = {
        nilai.Bulat: serializers.IntegerField,
        nilai.Desimal: serializers.FloatField,
        nilai.Tanggal: serializers.DateField,
        nilai.YaTidak: serializers.BooleanField,
    }.get(type(w))
    if jenis is not None:
        return jenis(help_text=bantuan, **opsi)
    panjang = getattr(k.field, "max_length", None)
    return serializers.CharField(max_length=panjang, help_text=bantuan, allow_blank=True, **opsi)


_serializer = {}


def serializer_kiriman(kode: str):
    """The request body of module `kode`: `rekaman` (1–1,000 records) and `uji`."""
    if kode not in _serializer:
        modul = registry.get(kode)
        nama = modul.model.__name__
        bidang = {
            "id_luar": serializers.CharField(
                max_length=PANJANG_ID_LUAR,
                help_text=_(
                    "Id rekaman di aplikasi pengirim. Rekaman yang dikirim lagi dengan id yang "
                    "sama mengubah rekaman itu (atau tidak mengubah apa pun), tidak menambah."
                ),
            ),
            **{k.nama: _bidang(k) for k in sumber.kolom(kode)},
        }
        rekaman = type(f"{nama}Masuk", (serializers.Serializer,), bidang)
        _serializer[kode] = type(
            f"Kiriman{nama}",
            (serializers.Serializer,),
            {
                "rekaman": serializers.ListField(
                    child=rekaman(), min_length=1, max_length=BATAS_REKAMAN
                ),
                "uji": serializers.BooleanField(
                    required=False,
                    default=False,
                    help_text=_("true: periksa saja, tidak ada yang disimpan."),
                ),
            },
        )
    return _serializer[kode]


class HasilRekaman(serializers.Serializer):
    id_luar = serializers.CharField()
    id = serializers.IntegerField(allow_null=True, help_text=_("Id rekaman di Data Center."))
    aksi = serializers.ChoiceField(choices=("baru", "berubah", "sama"))


class HasilKiriman(serializers.Serializer):
    disimpan = serializers.BooleanField()
    uji = serializers.BooleanField()
    ringkasan = serializers.CharField()
    baru = serializers.IntegerField()
    berubah = serializers.IntegerField()
    sama = serializers.IntegerField()
    hasil = HasilRekaman(many=True)


class GalatRekaman(serializers.Serializer):
    indeks = serializers.IntegerField(
        allow_null=True, help_text=_("Urutan rekaman dalam `rekaman`, mulai 0.")
    )
    id_luar = serializers.CharField(allow_null=True)
    kolom = serializers.CharField(allow_blank=True)
    nilai = serializers.CharField(allow_blank=True)
    pesan = serializers.CharField()


class GalatKiriman(serializers.Serializer):
    disimpan = serializers.BooleanField()
    ringkasan = serializers.CharField()
    galat = GalatRekaman(many=True)


class SkemaMasuk(AutoSchema):
    def _modul(self):
        return registry.get(self.view.modul_kode)

    def get_tags(self):
        return ["masuk"]

    def get_operation_id(self):
        return f"masuk_{self.view.modul_kode}"

    def get_summary(self):
        return _("Kirim data %(modul)s") % {"modul": self._modul().nama}

    def get_description(self):
        modul = self._modul()
        return _(
            "Untuk aplikasi Bawaslu yang terdaftar. 1–%(n)s rekaman per panggilan, diperiksa "
            "dengan aturan yang sama dengan impor lembar kerja, lalu disimpan semuanya atau "
            "tidak sama sekali sebagai “diajukan”. Kunci alami: %(kunci)s; id_luar mengenali "
            "rekaman yang dikirim lagi."
        ) % {"n": BATAS_REKAMAN, "kunci": ", ".join(modul.impor.kunci if modul.impor else ())}

    def get_request_serializer(self):
        return serializer_kiriman(self.view.modul_kode)()

    def get_response_serializers(self):
        return {
            200: HasilKiriman,
            400: GalatKiriman,
            401: GALAT,
            403: GALAT,
            405: GALAT,
            411: GalatKiriman,
            413: GalatKiriman,
            429: GALAT,
        }


# ---- the view ---------------------------------------------------------------------------------


class MasukRekaman(ApiPublik):
    authentication_classes = (OtentikasiKunciAplikasi,)
    permission_classes = (WajibKunci,)
    throttle_classes = (BatasLajuAplikasi,)
    parser_classes = (JSONParser,)
    http_method_names = ("post", "options")
    schema = SkemaMasuk()
    modul_kode = None

    def permission_denied(self, request, message=None, code=None):
        # DRF's own sentence for a request without a key does not say how to send one
        raise exceptions.NotAuthenticated(WajibKunci.message)

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise exceptions.MethodNotAllowed(
            request.method,
            detail=_("Metode %(metode)s tidak diizinkan: kirim data dengan POST.")
            % {"metode": request.method},
        )

    def handle_exception(self, exc):
        # every refusal of a call that carried a valid key is audited, whatever refused it (a
        # rate limit, a method, a body that is no JSON, an error of ours); a call without a
        # valid key is only logged (see `OtentikasiKunciAplikasi`)
        response = None
        try:
            response = super().handle_exception(exc)
            return response
        finally:
            self._catat_penolakan(
                getattr(response, "status_code", 500), type(exc).__name__, str(exc)[:300]
            )

    def _catat_penolakan(self, kode, sebab, pesan):
        request = self.request
        kunci = getattr(request, "_auth", None)
        if not isinstance(kunci, KunciAplikasi) or getattr(request, "_tercatat", False):
            return
        request._tercatat = True
        catat(
            request.user,
            "api_masuk_ditolak",
            modul=self.modul_kode,
            aplikasi=kunci.aplikasi.nama,
            kunci=kunci.prefix,
            status=kode,
            sebab=sebab,
            pesan=pesan,
        )

    def _tolakan(self, pesan, kode=status.HTTP_400_BAD_REQUEST, indeks=None):
        """The answer to a body refused whole, audited."""
        self._catat_penolakan(kode, "badan", pesan)
        galat = {"indeks": indeks, "id_luar": None, "kolom": "", "nilai": "", "pesan": pesan}
        return Response({"disimpan": False, "ringkasan": pesan, "galat": [galat]}, status=kode)

    def post(self, request):
        modul = registry.get(self.modul_kode)
        kunci = request.auth
        aplikasi = kunci.aplikasi
        asal = {"aplikasi": aplikasi.nama, "kunci": kunci.prefix}
        if modul.kode not in aplikasi.modul or modul.impor is None:
            raise exceptions.PermissionDenied(
                _("Aplikasi %(a)s tidak berwenang mengirim data %(m)s.")
                % {"a": aplikasi.nama, "m": modul.nama}
            )
        panjang = request.META.get("CONTENT_LENGTH") or ""
        if not panjang.isdigit():
            return self._tolakan(
                _("Sertakan Content-Length; badan permintaan tanpa panjang tidak diterima."),
                status.HTTP_411_LENGTH_REQUIRED,
            )
        if int(panjang) > settings.API_MASUK_BATAS_BITA:
            return self._tolakan(
                _("Badan permintaan %(n)s bita, lebih dari batas %(batas)s bita; bagi kirimannya.")
                % {
                    "n": proses.angka(int(panjang)),
                    "batas": proses.angka(settings.API_MASUK_BATAS_BITA),
                },
                status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            )
        try:
            rekaman, uji = self._baca_badan(request.data, modul)
        except exceptions.ParseError as e:
            return self._tolakan(str(e.detail), e.status_code)
        except _Tolak as e:
            return self._tolakan(e.pesan, indeks=e.indeks)
        kepala = [k for k in rekaman[0] if k != "id_luar"]  # every record has the same keys
        baris = [(i + 1, [r.get(k) for k in kepala]) for i, r in enumerate(rekaman)]
        id_luar = [r["id_luar"] for r in rekaman]
        with transaction.atomic():
            # one call of an application at a time: a retry waits for the call it repeats,
            # then finds its ids (read only under this lock) and adds nothing
            kunci_ruang("aplikasi", [aplikasi.pk])
            kenal = dict(
                IdLuar.objects.filter(
                    aplikasi=aplikasi, modul=modul.kode, id_luar__in=id_luar
                ).values_list("id_luar", "object_id")
            )
            permintaan = proses.Permintaan(
                user=aplikasi.pengguna,
                izin_satker=aplikasi.satker_boleh(modul.kode),
                satker_kode=None if aplikasi.termasuk_bawahan else aplikasi.satker.kode,
                simpan=not uji,
                kenal={i + 1: kenal[x] for i, x in enumerate(id_luar) if x in kenal},
                asal=asal,
                per_baris=True,
                aksi_audit="api_masuk",
                kode_wilayah={
                    nilai.normal(nilai.teks(r["wilayah"]))
                    for r in rekaman
                    if r.get("wilayah") is not None
                },
            )
            hasil = proses.jalankan_data(modul, kepala, baris, f"API {aplikasi.nama}", permintaan)
            if hasil.disimpan:
                IdLuar.objects.bulk_create(
                    [
                        IdLuar(
                            aplikasi=aplikasi,
                            modul=modul.kode,
                            id_luar=id_luar[n - 1],
                            object_id=pk,
                        )
                        for n, (_aksi, pk) in hasil.per_baris.items()
                        if id_luar[n - 1] not in kenal
                    ]
                )
            else:
                request._tercatat = True
                catat(
                    request.user,
                    "api_masuk" if uji and not hasil.galat else "api_masuk_ditolak",
                    modul=modul.kode,
                    rekaman=len(rekaman),
                    galat=len(hasil.galat),
                    uji=uji,
                    **asal,
                )
        if hasil.galat:
            return Response(
                {
                    "disimpan": False,
                    "ringkasan": hasil.ringkasan,
                    "galat": [self._galat(g, id_luar) for g in hasil.galat],
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(
            {
                "disimpan": hasil.disimpan,
                "uji": uji,
                "ringkasan": hasil.ringkasan,
                "baru": hasil.baru,
                "berubah": hasil.berubah,
                "sama": hasil.sama,
                "hasil": [
                    {"id_luar": id_luar[n - 1], "id": pk, "aksi": aksi}
                    for n, (aksi, pk) in sorted(hasil.per_baris.items())
                ],
            }
        )

    @staticmethod
    def _galat(g, id_luar):
        return {
            "indeks": g.baris - 1 if g.baris else None,
            "id_luar": id_luar[g.baris - 1] if g.baris else None,
            "kolom": g.kolom,
            "nilai": g.nilai,
            "pesan": g.pesan,
        }

    @staticmethod
    def _baca_badan(data, modul):
        """(records, uji) of a body that has the shape the document promises; anything else
        is refused whole with what is wrong and where."""
        if not isinstance(data, Mapping) or not isinstance(data.get("rekaman"), list):
            _tolak(_("Badan permintaan harus objek JSON dengan daftar “rekaman”."))
        rekaman = data["rekaman"]
        if not 1 <= len(rekaman) <= BATAS_REKAMAN:
            _tolak(
                _("“rekaman” harus berisi 1 sampai %(n)s rekaman; diterima %(ada)s.")
                % {"n": proses.angka(BATAS_REKAMAN), "ada": proses.angka(len(rekaman))}
            )
        uji = data.get("uji", False)
        if not isinstance(uji, bool):
            _tolak(_("“uji” harus true atau false."))
        lain = sorted(set(data) - {"rekaman", "uji"})
        if lain:
            _tolak(_("Kunci tidak dikenal: %(k)s.") % {"k": ", ".join(lain)})
        kolom = {k.nama for k in sumber.kolom(modul.kode)} | {"id_luar"}
        dilihat = {}
        for i, r in enumerate(rekaman):
            _periksa_rekaman(i, r, kolom, dilihat)
            if set(r) != set(rekaman[0]):
                # a key left out of one record would clear its value there (the batch's
                # columns are its first record's): every record names the same keys
                beda = sorted(set(rekaman[0]) ^ set(r))
                _tolak(
                    _(
                        "Rekaman %(i)s tidak memuat kunci yang sama dengan rekaman 0 (beda: "
                        "%(k)s); semua rekaman dalam satu kiriman memuat kunci yang sama — "
                        "kirim null untuk mengosongkan."
                    )
                    % {"i": i, "k": ", ".join(beda)},
                    i,
                )
        return [{**r, "id_luar": str(r["id_luar"]).strip()} for r in rekaman], uji


def _periksa_rekaman(i, r, kolom, dilihat):
    """One record of a body: an object with a text `id_luar` used once, only the module's own
    keys (exactly as the document names them), single values PostgreSQL can store."""
    if not isinstance(r, Mapping):
        _tolak(_("Rekaman %(i)s bukan objek JSON.") % {"i": i}, i)
    for k, v in r.items():
        if not _bisa_disimpan(k):
            _tolak(_("Rekaman %(i)s: sebuah kunci berisi karakter yang tidak sah.") % {"i": i}, i)
        if k not in kolom:
            _tolak(
                _("Rekaman %(i)s: kunci tidak dikenal “%(k)s”. Kunci yang dikenal: %(kolom)s.")
                % {"i": i, "k": k, "kolom": ", ".join(sorted(kolom))},
                i,
            )
        if isinstance(v, dict | list):
            _tolak(
                _("Rekaman %(i)s, kolom “%(k)s”: harus satu nilai, bukan daftar/objek.")
                % {"i": i, "k": k},
                i,
            )
        if isinstance(v, str) and not _bisa_disimpan(v):
            _tolak(
                _(
                    "Rekaman %(i)s, kolom “%(k)s”: berisi karakter yang tidak sah (NUL atau "
                    "separuh pasangan UTF-16)."
                )
                % {"i": i, "k": k},
                i,
            )
    x = r.get("id_luar")
    if not isinstance(x, str | int) or isinstance(x, bool) or not str(x).strip():
        _tolak(_("Rekaman %(i)s: “id_luar” wajib diisi (teks).") % {"i": i}, i)
    x = str(x).strip()
    if len(x) > PANJANG_ID_LUAR:
        _tolak(
            _("Rekaman %(i)s: “id_luar” lebih dari %(n)s karakter.")
            % {"i": i, "n": PANJANG_ID_LUAR},
            i,
        )
    if x in dilihat:
        _tolak(
            _("Rekaman %(i)s: id_luar “%(x)s” sudah dipakai rekaman %(j)s.")
            % {"i": i, "x": x, "j": dilihat[x]},
            i,
        )
    dilihat[x] = i


def _bisa_disimpan(s: str) -> bool:
    """Text PostgreSQL can store and the answer can carry: no NUL, valid UTF-8."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in s


def _tolak(pesan, indeks=None):
    raise _Tolak(pesan, indeks)
