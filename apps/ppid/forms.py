"""Forms of the PPID pages: the public request and objection forms (with their spam guards)
and the staff forms (answer, extension, objection answer, documents, DIP entries)."""

import time

import lokal
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from apps.core.forms import DateInput, pilih_kosong
from apps.organisasi.models import KODE_RI, Satker
from apps.ppid.models import (
    AlasanKeberatan,
    CaraMemperoleh,
    DokumenPublik,
    EntriDip,
    JenisIdentitas,
    Keputusan,
    Pasal17,
    Permohonan,
    PutusanKeberatan,
)

SALT_WAKTU = "ppid.permohonan.mulai"
# a form older than this asks to be reloaded (its timestamp is no longer accepted)
UMUR_FORMULIR_DETIK = 24 * 3600

# lokal.parse_nik issue codes → what is wrong, in the portal's own (translatable) words
PESAN_NIK = {
    "format": _("harus 16 digit angka"),
    "province": _("kode provinsinya (2 digit pertama) tidak dikenal"),
    "wilayah": _("kode kabupaten/kota dan kecamatannya tidak boleh 00"),
    "birth_date": _("tanggal lahirnya (digit ke-7 sampai 12) bukan tanggal yang mungkin"),
    "serial": _("nomor urutnya (4 digit terakhir) tidak boleh 0000"),
}


def tanda_waktu(t: float | None = None) -> str:
    """The signed time the form was opened; the form refuses what comes back too soon."""
    return signing.dumps({"t": time.time() if t is None else t}, salt=SALT_WAKTU)


def _rapikan(field):
    if isinstance(field.widget, forms.Textarea):
        field.widget.attrs["rows"] = 4
    pilih_kosong(field)


class PermohonanForm(forms.ModelForm):
    """The public request form (Perki 1/2021: identity, contact, the information, its use,
    how to receive it). Two spam guards live here: a honeypot field that people never see
    (`website`, hidden by a CSS class) and a signed opening time (`mulai`)."""

    website = forms.CharField(
        label=_("Situs web (biarkan kosong)"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    mulai = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Permohonan
        fields = [
            "nama",
            "jenis_identitas",
            "nomor_identitas",
            "alamat",
            "email",
            "telepon",
            "pekerjaan",
            "satker",
            "rincian",
            "tujuan",
            "cara_memperoleh",
            "cara_salinan",
        ]
        widgets = {
            "jenis_identitas": forms.RadioSelect,
            "cara_memperoleh": forms.RadioSelect,
            "cara_salinan": forms.RadioSelect,
            "telepon": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "nama": forms.TextInput(attrs={"autocomplete": "name"}),
            "nomor_identitas": forms.TextInput(attrs={"inputmode": "numeric"}),
        }
        error_messages = {
            "email": {"invalid": _("Email “%(value)s” tidak sah; contoh: nama@contoh.id.")},
        }
        help_texts = {
            "nomor_identitas": _("Untuk KTP: NIK 16 digit."),
            "telepon": _("Isi email, nomor telepon, atau keduanya."),
            "cara_salinan": _("Wajib bila Anda meminta salinan."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        satker = self.fields["satker"]
        satker.queryset = Satker.objects.order_by("kode")
        satker.label_from_instance = lambda s: s.nama
        satker.error_messages["invalid_choice"] = _(
            "Satker yang dituju (id %(value)s) tidak dikenal; pilih dari daftar."
        )
        if not self.is_bound:
            satker.initial = (
                Satker.objects.filter(kode=KODE_RI).values_list("pk", flat=True).first()
            )
            self.fields["mulai"].initial = tanda_waktu()
            self.fields["jenis_identitas"].initial = JenisIdentitas.KTP
        # radio lists carry no empty choice
        for name in ("jenis_identitas", "cara_memperoleh", "cara_salinan"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]
        for field in self.fields.values():
            _rapikan(field)
        # Django's own messages name neither the field nor the value
        for name, field in self.fields.items():
            label = str(field.label)
            field.error_messages["required"] = _("%(label)s wajib diisi.") % {
                "label": label[:1].upper() + label[1:]
            }
            if name in ("jenis_identitas", "cara_memperoleh", "cara_salinan"):
                field.error_messages["invalid_choice"] = _(
                    "Pilihan untuk %(label)s tidak dikenal."
                ) % {"label": label}

    KELOMPOK = (
        (
            _("Identitas pemohon"),
            ("nama", "jenis_identitas", "nomor_identitas", "alamat", "pekerjaan"),
        ),
        (_("Kontak"), ("email", "telepon")),
        (
            _("Informasi yang diminta"),
            ("satker", "rincian", "tujuan", "cara_memperoleh", "cara_salinan"),
        ),
    )

    def kelompok(self):
        """The visible fields in groups, for the page's fieldsets."""
        return [(judul, [self[name] for name in names]) for judul, names in self.KELOMPOK]

    # ---- spam guards -------------------------------------------------------------------------

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _(
                    "Permohonan tidak dapat diterima: kolom “Situs web” yang seharusnya kosong "
                    "terisi. Bila Anda mengisinya, kosongkan lalu kirim lagi."
                ),
                code="honeypot",
            )
        return ""

    def clean_mulai(self):
        try:
            data = signing.loads(
                self.cleaned_data["mulai"], salt=SALT_WAKTU, max_age=UMUR_FORMULIR_DETIK
            )
            dibuka = float(data["t"])
            if time.time() - dibuka > UMUR_FORMULIR_DETIK:
                raise signing.SignatureExpired
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            self.mulai_tidak_sah = True
            raise forms.ValidationError(
                _(
                    "Formulir ini kedaluwarsa atau rusak. Isian Anda tetap di bawah; "
                    "periksa lalu kirim lagi."
                ),
                code="kedaluwarsa",
            ) from None
        minimum = settings.PPID_WAKTU_ISI_MINIMUM
        if time.time() - dibuka < minimum:
            raise forms.ValidationError(
                _(
                    "Formulir dikirim terlalu cepat (kurang dari %(n)s detik sejak dibuka). "
                    "Periksa isian Anda lalu kirim lagi."
                )
                % {"n": minimum},
                code="terlalu_cepat",
            )
        return self.cleaned_data["mulai"]

    def segarkan_mulai(self):
        """A new opening time for a form whose timestamp was refused, so that sending it
        again (after the errors shown) can pass."""
        self.data = self.data.copy()
        self.data[self.add_prefix("mulai")] = tanda_waktu()

    @property
    def spam(self) -> bool:
        """Refused by a spam guard (honeypot or too fast), not by a field a person fills."""
        return any(
            e.code in ("honeypot", "terlalu_cepat")
            for name in ("website", "mulai")
            for e in self.errors.as_data().get(name, [])
        )

    # ---- the requester's data ----------------------------------------------------------------

    def clean_nama(self):
        nama = " ".join(self.cleaned_data["nama"].split())
        if len(nama) < 2:
            raise forms.ValidationError(_("Nama lengkap terlalu pendek."))
        return nama

    def clean_telepon(self):
        telepon = self.cleaned_data.get("telepon", "").strip()
        if not telepon:
            return ""
        info = lokal.parse_phone(telepon)
        if not info.valid:
            raise forms.ValidationError(
                _(
                    "Nomor telepon “%(v)s” tidak dikenali: tulis nomor Indonesia yang diawali "
                    "0, 62 atau +62, mis. 0812-3456-7890."
                )
                % {"v": telepon}
            )
        return info.national or telepon

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("telepon") and "email" not in self.errors:
            self.add_error("telepon", _("Isi email atau nomor telepon, paling tidak salah satu."))
        jenis, nomor = data.get("jenis_identitas"), (data.get("nomor_identitas") or "").strip()
        if jenis == JenisIdentitas.KTP and nomor:
            angka = "".join(c for c in nomor if c.isdigit())
            info = lokal.parse_nik(angka if len(angka) == 16 else nomor)
            if not info.valid:
                alasan = "; ".join(str(PESAN_NIK.get(i.code, i.message)) for i in info.errors)
                self.add_error(
                    "nomor_identitas",
                    _("NIK “%(v)s” tidak sah: %(alasan)s.") % {"v": nomor, "alasan": alasan},
                )
            else:
                data["nomor_identitas"] = info.nik
        cara = data.get("cara_memperoleh")
        if cara in (CaraMemperoleh.SOFTCOPY, CaraMemperoleh.HARDCOPY):
            if not data.get("cara_salinan") and "cara_salinan" not in self.errors:
                self.add_error(
                    "cara_salinan",
                    _("Pilih cara mendapatkan salinan informasi (%(cara)s).")
                    % {"cara": CaraMemperoleh(cara).label},
                )
        elif cara == CaraMemperoleh.MELIHAT:
            data["cara_salinan"] = ""
        return data


class KeberatanForm(forms.Form):
    alasan = forms.ChoiceField(
        label=_("Alasan keberatan (UU 14/2008 Pasal 35 ayat 1)"),
        choices=AlasanKeberatan.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Pilih alasan keberatan."),
            "invalid_choice": _("Alasan keberatan “%(value)s” tidak dikenal."),
        },
    )
    uraian = forms.CharField(
        label=_("Uraian keberatan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Uraian keberatan wajib diisi.")},
    )


# ---- staff -----------------------------------------------------------------------------------


class PerpanjangForm(forms.Form):
    alasan_perpanjangan = forms.CharField(
        label=_("Alasan perpanjangan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tampil bagi pemohon di halaman pelacakan sebagai pemberitahuan tertulis."),
        error_messages={"required": _("Alasan perpanjangan wajib diisi.")},
    )


class JawabForm(forms.Form):
    keputusan = forms.ChoiceField(
        label=_("Keputusan"),
        choices=Keputusan.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih keputusan atas permohonan.")},
    )
    jawaban = forms.CharField(
        label=_("Isi jawaban (pemberitahuan tertulis)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Isi jawaban wajib diisi.")},
    )
    pasal_pengecualian = forms.ChoiceField(
        label=_("Dasar pengecualian: UU 14/2008 Pasal 17"),
        choices=[("", _("— pilih —")), *Pasal17.choices],
        required=False,
        help_text=_("Wajib bila permohonan ditolak atau dikabulkan sebagian."),
    )
    uji_konsekuensi = forms.CharField(
        label=_("Uji konsekuensi"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_(
            "Wajib bila permohonan ditolak atau dikabulkan sebagian: akibat yang timbul bila "
            "informasi dibuka, dan mengapa menutupnya melindungi kepentingan yang lebih besar."
        ),
    )
    berkas = forms.FileField(
        label=_("Berkas jawaban (PDF, opsional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def clean_berkas(self):
        from apps.core.validators import validate_pdf

        berkas = self.cleaned_data.get("berkas")
        if berkas:
            validate_pdf(berkas)
        return berkas


class TanggapanKeberatanForm(forms.Form):
    putusan = forms.ChoiceField(
        label=_("Tanggapan atasan PPID"),
        choices=PutusanKeberatan.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih tanggapan atas keberatan.")},
    )
    tanggapan = forms.CharField(
        label=_("Isi tanggapan"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Isi tanggapan wajib diisi.")},
    )


class _SatkerPpidForm(forms.ModelForm):
    """A staff form whose office is one the user answers for as PPID."""

    def __init__(self, *args, user, **kwargs):
        from apps.core import izin

        super().__init__(*args, **kwargs)
        qs = izin.satker_ppid(user).order_by("kode")
        self.fields["satker"].queryset = qs
        self.fields["satker"].label_from_instance = lambda s: s.nama
        self.fields["satker"].error_messages["invalid_choice"] = _(
            "Satker dengan id %(value)s bukan kantor tempat Anda bertugas sebagai PPID."
        )
        if not self.instance.pk and len(qs[:2]) == 1:
            self.fields["satker"].initial = qs[0].pk
        for field in self.fields.values():
            _rapikan(field)


class DokumenPublikForm(_SatkerPpidForm):
    class Meta:
        model = DokumenPublik
        fields = ["judul", "ringkasan", "kategori", "satker", "tanggal", "berkas", "terbit"]
        widgets = {
            "tanggal": DateInput,
            "berkas": forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        }


class EntriDipForm(_SatkerPpidForm):
    class Meta:
        model = EntriDip
        fields = [
            "satker",
            "judul",
            "ringkasan",
            "penguasa",
            "penanggung_jawab",
            "waktu_tempat",
            "bentuk",
            "retensi",
            "urutan",
            "terbit",
        ]
