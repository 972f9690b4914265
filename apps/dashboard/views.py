import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.core import izin, registry
from apps.core.models import ARTI_KLASIFIKASI, KLASIFIKASI_PUBLIK, Klasifikasi, Status
from apps.core.perkara import HARI_PERINGATAN, model_perkara
from apps.core.services import klasifikasikan
from apps.core.workflow import CATATAN_WAJIB, Aksi, transition
from apps.imports.forms import modul_boleh
from apps.organisasi.models import Satker

BATAS = 20


@login_required
def beranda(request):
    """Staff home: my drafts, returned to me, waiting for my approval, waiting for my
    classification — across every module, a bounded query per module and list."""
    user = request.user
    antrean = {
        "draf": [],
        "dikembalikan": [],
        "menunggu_persetujuan": [],
        "menunggu_klasifikasi": [],
        "lewat_tenggat": [],
        "segera_tenggat": [],
    }
    hari_ini = timezone.localdate()
    for modul in registry.all_modules():
        base = modul.model.objects.select_related("satker").order_by("-updated_at")
        milik = base.filter(created_by=user).editable_by(user)
        antrean["draf"] += [(modul, r) for r in milik.filter(status=Status.DRAFT)[:BATAS]]
        antrean["dikembalikan"] += [
            (modul, r) for r in milik.filter(status=Status.DIKEMBALIKAN)[:BATAS]
        ]
        antrean["menunggu_persetujuan"] += [
            (modul, r)
            for r in _qs_persetujuan(modul, user)
            .select_related("satker")
            .order_by("-updated_at")[:BATAS]
            if _menunggu_saya(user, r)
        ]
        antrean["menunggu_klasifikasi"] += [
            (modul, r)
            for r in _qs_klasifikasi(modul, user)
            .select_related("satker")
            .order_by("-updated_at")[:BATAS]
        ]
    # cases overdue or due within HARI_PERINGATAN days: one query per case module for both
    segera = hari_ini + dt.timedelta(days=HARI_PERINGATAN)
    for modul in model_perkara():
        for r in (
            modul.model.objects.visible_to(user)
            .filter(tenggat__lte=segera)
            .select_related("satker")
            .order_by("tenggat", "pk")[:BATAS]
        ):
            antrean["lewat_tenggat" if r.tenggat < hari_ini else "segera_tenggat"].append(
                (modul, r)
            )
    antrean["lewat_tenggat"].sort(key=lambda mr: mr[1].tenggat)
    antrean["segera_tenggat"].sort(key=lambda mr: mr[1].tenggat)
    ppid = izin.satker_ppid(user).exists()
    modul_list = izin.modul_terlihat(user)
    return render(
        request,
        "dashboard/beranda.html",
        {
            "antrean": antrean,
            "modul_list": modul_list,
            "ada_perkara": bool({m.kode for m in model_perkara()} & {m.kode for m in modul_list}),
            "penugasan": user.penugasan.filter(aktif=True).select_related("satker"),
            "ppid": ppid,
            "tautan_klasifikasi": "dashboard:klasifikasi"
            if antrean["menunggu_klasifikasi"]
            else "",
            # information requests and objections overdue or due soon, for their PPID
            "tenggat_ppid": _tenggat_ppid(user, segera) if ppid else [],
            "ppid_terbuka": _ppid_terbuka(user) if ppid else 0,
            "impor": bool(modul_boleh(user)),
        },
    )


def _ppid_terbuka(user) -> int:
    """Open information requests and objections `user` answers for (two counts)."""
    from apps.ppid.models import Keberatan, Permohonan

    return (
        Permohonan.objects.untuk_ppid(user).terbuka().count()
        + Keberatan.objects.untuk_ppid(user).terbuka().count()
    )


def _tenggat_ppid(user, segera):
    """[(kind, request or objection, its staff page)] open and due by `segera` (overdue
    first), in the offices `user` answers for; two queries."""
    from apps.ppid.models import Keberatan, Permohonan

    baris = [
        (_("Permohonan"), p, p.get_absolute_url())
        for p in Permohonan.objects.untuk_ppid(user)
        .terbuka()
        .filter(jatuh_tempo__lte=segera)
        .select_related("satker")
        .order_by("jatuh_tempo", "id")[:BATAS]
    ]
    baris += [
        # an objection is answered on its request's page
        (_("Keberatan"), k, reverse("ppid_kelola:permohonan", args=[k.permohonan_id]))
        for k in Keberatan.objects.untuk_ppid(user)
        .terbuka()
        .filter(jatuh_tempo__lte=segera)
        .select_related("satker")
        .order_by("jatuh_tempo", "id")[:BATAS]
    ]
    return sorted(baris, key=lambda jb: jb[1].jatuh_tempo)


KEADAAN_TENGGAT = {
    "lewat": lambda hari_ini: {"tenggat__lt": hari_ini},
    "segera": lambda hari_ini: {
        "tenggat__gte": hari_ini,
        "tenggat__lte": hari_ini + dt.timedelta(days=HARI_PERINGATAN),
    },
    "terbuka": lambda hari_ini: {"tenggat__isnull": False},
}
BATAS_TENGGAT = 200


@login_required
def tenggat(request):
    """Open cases by due date across the case modules, in the user's scope: overdue
    (default), due within two days, or every open step. A koordinator sees their office's
    cases, a provincial one also those of the kab/kota offices under it."""
    user = request.user
    hari_ini = timezone.localdate()
    keadaan = request.GET.get("keadaan") or "lewat"
    errors = []
    if keadaan not in KEADAAN_TENGGAT:
        errors.append(_("Keadaan “%(v)s” tidak dikenal.") % {"v": keadaan})
        keadaan = "lewat"
    satker_kode = request.GET.get("satker", "").strip()
    moduls = [m for m in model_perkara() if izin.satker_dengan(user, izin.LIHAT, m.kode).exists()]
    rows = []
    for modul in moduls:
        qs = (
            modul.model.objects.visible_to(user)
            .filter(**KEADAAN_TENGGAT[keadaan](hari_ini))
            .select_related("satker", "wilayah")
        )
        if satker_kode:
            qs = qs.filter(satker__kode=satker_kode)
        rows += [(modul, r) for r in qs.order_by("tenggat", "pk")[:BATAS_TENGGAT]]
    rows.sort(key=lambda mr: (mr[1].tenggat, mr[0].urutan, mr[1].pk))
    kantor = (
        Satker.objects.filter(pk__in={r.satker_id for _m, r in rows})
        if not satker_kode
        else Satker.objects.filter(kode=satker_kode)
    )
    return render(
        request,
        "dashboard/tenggat.html",
        {
            "rows": rows[:BATAS_TENGGAT],
            "terpotong": len(rows) > BATAS_TENGGAT,
            "keadaan": keadaan,
            "pilihan_keadaan": [
                ("lewat", _("Lewat tenggat")),
                ("segera", _("Tenggat dalam 2 hari")),
                ("terbuka", _("Semua tahap terbuka")),
            ],
            "kantor": kantor.order_by("kode"),
            "satker_kode": satker_kode,
            "moduls": moduls,
            "errors": errors,
            "hari_ini": hari_ini,
        },
    )


# ---- the approval queue (/kelola/persetujuan/) ---------------------------------------------

BATAS_ANTREAN = 200  # entries per module on the page
URUTAN_ANTREAN = {
    "lama": lambda mr: (mr[1].diajukan_pada or mr[1].updated_at, mr[1].pk),
    "baru": lambda mr: (-(mr[1].diajukan_pada or mr[1].updated_at).timestamp(), mr[1].pk),
    "modul": lambda mr: (mr[0].urutan, mr[1].diajukan_pada or mr[1].updated_at),
    "satker": lambda mr: (mr[1].satker.kode, mr[1].diajukan_pada or mr[1].updated_at),
}
AKSI_MASSAL = {"setujui": Aksi.SETUJUI, "kembalikan": Aksi.KEMBALIKAN}


def _qs_persetujuan(modul, user):
    """The records of `modul` submitted in the offices where `user` approves."""
    setuju = izin.satker_dengan(user, izin.SETUJUI, modul.kode)
    return modul.model.objects.filter(status=Status.DIAJUKAN, satker__in=setuju.values("pk"))


def _menunggu_saya(user, r) -> bool:
    """One's own entry is not waiting for oneself, unless one is the whole office."""
    return r.created_by_id != user.pk or izin.satu_orang(r.satker)


def _qs_klasifikasi(modul, user):
    """The records of `modul` approved and not yet classified, in the offices where `user`
    classifies."""
    klas = izin.satker_dengan(user, izin.KLASIFIKASI, modul.kode)
    return modul.model.objects.filter(
        status=Status.DISETUJUI, klasifikasi=Klasifikasi.BELUM, satker__in=klas.values("pk")
    )


def _antrean_persetujuan(user):
    """[(module, record)] of the entries waiting for `user`'s approval, a bounded query per
    module."""
    rows = []
    for modul in registry.all_modules():
        qs = (
            _qs_persetujuan(modul, user)
            .select_related("satker", "created_by")
            .order_by("diajukan_pada", "pk")[:BATAS_ANTREAN]
        )
        rows += [(modul, r) for r in qs if _menunggu_saya(user, r)]
    return rows


@login_required
def persetujuan(request):
    """The coordinator's queue: what waits for their approval, oldest first, with the days it
    has waited; a selection approved or returned with one confirmation — each entry its own
    transition, history and audit row; one refused entry does not stop the others, and the
    page says which and why."""
    user = request.user
    if not izin.modul_dengan(user, izin.SETUJUI):
        raise PermissionDenied
    if request.method == "POST":
        return _persetujuan_massal(request)
    urut = request.GET.get("urut") or "lama"
    if urut not in URUTAN_ANTREAN:
        urut = "lama"
    rows = sorted(_antrean_persetujuan(user), key=URUTAN_ANTREAN[urut])
    hari_ini = timezone.localdate()
    return render(
        request,
        "dashboard/persetujuan.html",
        {
            "rows": [
                (modul, r, (hari_ini - timezone.localdate(r.diajukan_pada)).days)
                if r.diajukan_pada
                else (modul, r, None)
                for modul, r in rows
            ],
            "urut": urut,
            "pilihan_urut": [
                ("lama", _("Terlama menunggu dulu")),
                ("baru", _("Terbaru dulu")),
                ("modul", _("Per modul")),
                ("satker", _("Per satker")),
            ],
        },
    )


def _pilihan(request):
    """[(module, record)] of the ticked entries (`modul:pk`) the user may see; the ids that
    are not (missing, another office, malformed) as a count."""
    dipilih, hilang = [], 0
    for nilai_pilih in request.POST.getlist("pilih"):
        kode, _sep, pk = nilai_pilih.partition(":")
        if kode not in registry.codes() or not pk.isdigit():
            hilang += 1
            continue
        modul = registry.get(kode)
        r = modul.model.objects.visible_to(request.user).filter(pk=int(pk)).first()
        if r is None:
            hilang += 1
        else:
            dipilih.append((modul, r))
    return dipilih, hilang


def _persetujuan_massal(request):
    aksi = AKSI_MASSAL.get(request.POST.get("aksi", ""))
    catatan = request.POST.get("catatan", "").strip()
    dipilih, hilang = _pilihan(request)
    galat = []
    if aksi is None:
        galat.append(_("Pilih tindakan: setujui atau kembalikan."))
    if not dipilih and not hilang:
        galat.append(_("Centang dulu rekaman yang akan diproses."))
    if aksi in CATATAN_WAJIB and not catatan:
        galat.append(_("Mengembalikan rekaman wajib disertai catatan untuk pengisinya."))
    if galat:
        for g in galat:
            messages.error(request, g)
        return redirect("dashboard:persetujuan")
    if request.POST.get("konfirmasi") != "1":
        judul = (
            ngettext("Setujui %(n)s rekaman?", "Setujui %(n)s rekaman?", len(dipilih))
            if aksi == Aksi.SETUJUI
            else ngettext("Kembalikan %(n)s rekaman?", "Kembalikan %(n)s rekaman?", len(dipilih))
        ) % {"n": len(dipilih)}
        return _konfirmasi(
            request,
            judul,
            _("Ya, setujui") if aksi == Aksi.SETUJUI else _("Ya, kembalikan"),
            dipilih,
            hilang,
            {"aksi": request.POST["aksi"], "catatan": catatan},
            "dashboard:persetujuan",
        )
    label = _("disetujui") if aksi == Aksi.SETUJUI else _("dikembalikan")
    return _proses_massal(
        request,
        dipilih,
        hilang,
        lambda r: transition(r, aksi, request.user, catatan),
        label,
        "dashboard:persetujuan",
    )


def _konfirmasi(request, judul, tombol, dipilih, hilang, isian, kembali):
    """The one confirmation of a bulk action: the entries, what will be done, the same
    choice carried on in hidden fields."""
    return render(
        request,
        "dashboard/massal_konfirmasi.html",
        {
            "judul": judul,
            "tombol": tombol,
            "dipilih": dipilih,
            "hilang": hilang,
            "isian": isian,
            "kembali": kembali,
        },
    )


def _proses_massal(request, dipilih, hilang, kerjakan, label, kembali):
    """`kerjakan(record)` for each chosen entry, each on its own (its own transaction,
    history and audit row); an entry refused is named with why and does not stop the others."""
    berhasil, ditolak = 0, []
    for modul, r in dipilih:
        try:
            kerjakan(r)
            berhasil += 1
        except PermissionDenied:
            ditolak.append((modul, r, _("Anda tidak berwenang untuk rekaman ini.")))
        except ValidationError as e:
            ditolak.append((modul, r, " ".join(e.messages)))
    messages.success(request, _("%(n)s rekaman %(aksi)s.") % {"n": berhasil, "aksi": label})
    for modul, r, sebab in ditolak:
        messages.error(
            request,
            _("Tidak diproses: %(r)s (%(m)s, #%(pk)s) — %(sebab)s")
            % {"r": r, "m": modul.nama, "pk": r.pk, "sebab": sebab},
        )
    if hilang:
        messages.error(
            request,
            _("%(n)s pilihan tidak ditemukan atau di luar wewenang Anda; tidak diproses.")
            % {"n": hilang},
        )
    return redirect(kembali)


# ---- classifying a selection (/kelola/klasifikasi/) ----------------------------------------

# the public categories a selection may take at once, each explained in one line (UU 14/2008);
# `dikecualikan` needs its consequence test, legal basis and end date: one record at a time
KATEGORI_MASSAL = tuple((k, ARTI_KLASIFIKASI[k]) for k in KLASIFIKASI_PUBLIK)


def _antrean_klasifikasi(user):
    """[(module, record)] waiting for `user`'s classification, the earliest approved first; a
    bounded query per module."""
    rows = []
    for modul in registry.all_modules():
        rows += [
            (modul, r)
            for r in _qs_klasifikasi(modul, user)
            .select_related("satker")
            .order_by("disetujui_pada", "pk")[:BATAS_ANTREAN]
        ]
    return sorted(rows, key=lambda mr: (mr[1].disetujui_pada or mr[1].updated_at, mr[1].pk))


@login_required
def klasifikasi(request):
    """The PPID's queue of approved records waiting for classification; a selection given
    one public category with one confirmation — each classified on its own, audited. An
    exempted record needs its own consequence test: on its page."""
    user = request.user
    if not izin.modul_dengan(user, izin.KLASIFIKASI):
        raise PermissionDenied
    if request.method == "GET":
        return render(
            request,
            "dashboard/klasifikasi.html",
            {
                "rows": _antrean_klasifikasi(user),
                "kategori": [(k.value, k.label, arti) for k, arti in KATEGORI_MASSAL],
            },
        )
    kategori = dict(KATEGORI_MASSAL)
    pilihan = request.POST.get("klasifikasi", "")
    dipilih, hilang = _pilihan(request)
    if pilihan not in {k.value for k in kategori}:
        messages.error(request, _("Pilih salah satu kategori informasi publik."))
        return redirect("dashboard:klasifikasi")
    if not dipilih and not hilang:
        messages.error(request, _("Centang dulu rekaman yang akan diproses."))
        return redirect("dashboard:klasifikasi")
    label = Klasifikasi(pilihan).label
    if request.POST.get("konfirmasi") != "1":
        judul = ngettext(
            "Klasifikasikan %(n)s rekaman sebagai %(k)s?",
            "Klasifikasikan %(n)s rekaman sebagai %(k)s?",
            len(dipilih),
        ) % {"n": len(dipilih), "k": label}
        return _konfirmasi(
            request,
            judul,
            _("Ya, klasifikasikan"),
            dipilih,
            hilang,
            {"klasifikasi": pilihan},
            "dashboard:klasifikasi",
        )
    return _proses_massal(
        request,
        dipilih,
        hilang,
        lambda r: klasifikasikan(r, user, pilihan),
        _("diklasifikasikan sebagai %(k)s") % {"k": label},
        "dashboard:klasifikasi",
    )
