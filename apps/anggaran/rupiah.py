"""Rupiah and percentages as Indonesians write them: Rp1.234.567 and 87,24%."""

from django.utils.formats import number_format


def rupiah(value) -> str:
    """`Rp1.234.567` (grouping of the active language); empty for no value."""
    if value is None or value == "":
        return ""
    tanda = "-" if value < 0 else ""
    return f"{tanda}Rp{number_format(abs(value), 0, use_l10n=True, force_grouping=True)}"


def persen(value) -> str:
    """`87,24%` with two decimals; an em dash when there is nothing to divide by."""
    if value is None or value == "":
        return "—"
    return f"{number_format(value, 2, use_l10n=True, force_grouping=True)}%"
