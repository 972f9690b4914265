from django import template

from apps.anggaran import rupiah as format_
from apps.anggaran.models import hitung_serapan

register = template.Library()


@register.filter
def rupiah(value):
    return format_.rupiah(value)


@register.filter
def persen(value):
    return format_.persen(value)


@register.filter
def serapan_dari(realisasi, pagu):
    """`{{ realisasi|serapan_dari:pagu|persen }}`."""
    return hitung_serapan(realisasi, pagu)
