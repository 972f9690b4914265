from django import forms
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from apps.core import izin
from apps.core.models import ARTI_KLASIFIKASI, Klasifikasi
from apps.organisasi.models import TingkatSatker
from apps.wilayah.models import Tingkat, Wilayah


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class RekamanForm(forms.ModelForm):
    """The base form of every module: the Satker the user may enter data for, the region
    inside that Satker's area, and the version the form was opened at (optimistic lock)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, modul, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.modul = user, modul
        satker_qs = izin.satker_dengan(user, izin.ISI, modul.kode).select_related("wilayah")
        self.fields["satker"].queryset = satker_qs
        self.fields["satker"].empty_label = None
        # Django's own message for a choice outside the queryset names neither field nor value.
        self.fields["satker"].error_messages["invalid_choice"] = _(
            "Satker dengan id %(value)s bukan kantor tempat Anda dapat mengisi data."
        )
        if len(satker_qs) == 1 and not self.instance.pk:
            self.fields["satker"].initial = satker_qs[0].pk
        if "wilayah" in self.fields:
            self.fields["wilayah"].queryset = self._wilayah_pilihan(satker_qs)
            self.fields["wilayah"].label_from_instance = lambda w: f"{w.nama} ({w.kode})"
            if any(s.tingkat == TingkatSatker.PUSAT for s in satker_qs):
                # ~7.800 regions do not belong in a select: Bawaslu RI types the code
                self.fields["wilayah"].widget = forms.TextInput(
                    attrs={"inputmode": "decimal", "placeholder": "18.72.01"}
                )
                self.fields["wilayah"].help_text = _(
                    "Kode wilayah Kemendagri: provinsi, kabupaten/kota atau kecamatan, "
                    "mis. 18.72 atau 18.72.01."
                )
            self.fields["wilayah"].error_messages["invalid_choice"] = _(
                "Wilayah %(value)s tidak dikenal atau berada di luar wilayah kerja Anda."
            )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateInput) and not isinstance(
                field.widget, DateInput
            ):
                field.widget = DateInput()
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 4  # Django's default of 10 is too tall on a phone
            pilih_kosong(field)

    def kelompok(self):
        """[(legend, [bound fields])] for the template: the ungrouped fields first (legend
        None), then the module's `kelompok_form` fieldsets."""
        grup = self.modul.kelompok_form
        dikelompokkan = {n for _legend, names in grup for n in names}
        hasil = [(None, [self[n] for n in self.fields if n not in dikelompokkan])]
        hasil += [(legend, [self[n] for n in names if n in self.fields]) for legend, names in grup]
        return [(legend, fields) for legend, fields in hasil if fields]

    @staticmethod
    def _wilayah_pilihan(satker_qs):
        """Kab/kota and kecamatan within the offices' areas (all of them for Bawaslu RI, whose
        admin enters and corrects records of any office, kecamatan-level ones included)."""
        q = Q(pk__in=[])
        for satker in satker_qs:
            if satker.tingkat == TingkatSatker.PUSAT:
                return Wilayah.objects.exclude(tingkat=Tingkat.DESA)
            q |= Q(kode=satker.wilayah_id) | Q(kode__startswith=satker.wilayah_id + ".")
        return Wilayah.objects.filter(q).exclude(tingkat=Tingkat.DESA)


def tempel_galat(form, error):
    """Show a service's ValidationError on the form: on its field where the form has one,
    at the top otherwise, so the user's input stays on screen with the reason."""
    if hasattr(error, "error_dict"):
        for field, errs in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, error.messages)


def pilih_kosong(field):
    """The empty option of a select reads "— pilih —" (Django's own label is English-only)."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None:
            field.empty_label = _("— pilih —")
    elif isinstance(field, forms.ChoiceField) and not isinstance(
        field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple
    ):
        choices = list(field.choices)
        if choices and choices[0][0] == "":
            field.choices = [("", _("— pilih —")), *choices[1:]]


def _penangan(user, modul, instance):
    if user is None:
        return False
    if instance is not None and instance.pk:
        return izin.boleh_tangani(user, instance)
    tangani = izin.satker_dengan(user, izin.TANGANI, modul.kode)
    return (
        izin.satker_dengan(user, izin.ISI, modul.kode).filter(pk__in=tangani.values("pk")).exists()
    )


def form_untuk(modul):
    """The ModelForm class of a module: its own, or one built from its `form_fields`."""
    fields = ["satker", "wilayah", "pemilihan", *modul.form_fields]
    if not modul.periode_dari:
        fields.insert(3, "periode")
    return forms.modelform_factory(modul.model, form=modul.form_class or RekamanForm, fields=fields)


class CatatanForm(forms.Form):
    catatan = forms.CharField(
        label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class KlasifikasiForm(forms.Form):
    klasifikasi = forms.ChoiceField(
        label=_("Klasifikasi informasi"),
        choices=[
            (k, format_lazy("{} — {}", label, ARTI_KLASIFIKASI[k]))
            for k, label in Klasifikasi.choices
            if k != Klasifikasi.BELUM
        ],
        widget=forms.RadioSelect,
    )
    alasan_pengecualian = forms.CharField(
        label=_("Uji konsekuensi (wajib bila dikecualikan)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    dasar_hukum_pengecualian = forms.CharField(
        label=_("Dasar hukum (wajib bila dikecualikan)"), required=False, max_length=255
    )
    dikecualikan_sampai = forms.DateField(
        label=_("Dikecualikan sampai (wajib bila dikecualikan)"), required=False, widget=DateInput
    )


def formsets_untuk(modul, data=None, files=None, instance=None, user=None):
    """Bound or unbound inline formsets of the module's child rows, in declaration order.
    Rows of personal data (`Inline.pribadi`) are offered only to a case handler: of the
    record's office when editing, of any office the user enters data for when creating."""
    result = []
    for inline in modul.inlines:
        if inline.pribadi and not _penangan(user, modul, instance):
            continue
        formset_class = forms.inlineformset_factory(
            modul.model,
            inline.model,
            fields=inline.fields,
            extra=inline.extra,
            min_num=inline.min_num,
            validate_min=inline.min_num > 0,
            can_delete=True,
        )
        formset_class.default_error_messages = {
            **formset_class.default_error_messages,
            # Django's own message does not say which rows are missing
            "too_few_forms": _("Isi paling sedikit %(n)s baris %(label)s.")
            % {"n": inline.min_num, "label": inline.label},
        }
        formset = formset_class(data, files, instance=instance, prefix=inline.prefix)
        formset.inline = inline
        for form in formset.forms:
            for field in form.fields.values():
                if isinstance(field.widget, forms.DateInput) and not isinstance(
                    field.widget, DateInput
                ):
                    field.widget = DateInput()
                pilih_kosong(field)
        result.append(formset)
    return result


class _BerkasTersimpan:
    """The stored file as the widget shows it: its bare name, linked to a checked view."""

    def __init__(self, url, nama):
        self.url, self.nama = url, nama

    def __str__(self):
        return self.nama


class PdfInput(forms.ClearableFileInput):
    """Offers PDFs first in the file picker. The current file links to the staff download
    view, not to MEDIA_URL, which is never served (uploads are only sent by views that check
    the record is visible)."""

    url_unduh = None

    def __init__(self, attrs=None):
        super().__init__({"accept": "application/pdf,.pdf", **(attrs or {})})

    def format_value(self, value):
        if self.is_initial(value) and self.url_unduh:
            return _BerkasTersimpan(self.url_unduh, value.name.rsplit("/", 1)[-1])
        return super().format_value(value)
