from django import forms

from apps.core.forms import RekamanForm
from apps.kampanye.models import Kampanye


class PelanggaranForm(RekamanForm):
    class Meta:
        widgets = {
            "ringkasan": forms.Textarea(attrs={"rows": 3}),
            "uraian": forms.Textarea(attrs={"rows": 4}),
            "alasan_tidak_diregistrasi": forms.Textarea(attrs={"rows": 2}),
            "kesimpulan_kajian": forms.Textarea(attrs={"rows": 3}),
            "hasil_akhir": forms.Textarea(attrs={"rows": 2}),
            "alasan_terlambat": forms.Textarea(attrs={"rows": 2}),
            "catatan_internal": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "kegiatan_kampanye" in self.fields:
            # only supervised activities the user may see, that recorded a suspected violation
            self.fields["kegiatan_kampanye"].queryset = (
                Kampanye.objects.visible_to(self.user)
                .filter(dugaan_pelanggaran=True)
                .order_by("-tanggal")
            )
