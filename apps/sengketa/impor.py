"""The dispute rules that read other rows, for all rows of an import at once
(`Impor.periksa_massal`); the rules of one application are `Sengketa.periksa_baris`."""

from apps.core.perkara import gabung_galat, periksa_nomor_massal, periksa_terlambat_massal
from apps.sengketa.models import Sengketa


def periksa_massal(daftar):
    """{index in `daftar`: {field: [messages]}}: a register number used by another
    application of the office (in the database or in the file), a late step without a reason.
    Three queries, whatever the number of rows."""
    return gabung_galat(
        periksa_nomor_massal(Sengketa, "nomor_register", daftar),
        periksa_terlambat_massal(Sengketa, daftar),
    )
