"""How a record's field reads on a page: choice labels, names of related rows, Indonesian
dates, and the reporting month as a month."""

import datetime as dt

from django.utils.formats import date_format


def nilai(rekaman, name):
    field = rekaman._meta.get_field(name)
    value = getattr(rekaman, name)
    if field.choices:
        return getattr(rekaman, f"get_{name}_display")()
    if field.is_relation:
        return "" if value is None else getattr(value, "nama", str(value))
    if name == "periode" and value is not None:
        return date_format(value, "F Y")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return date_format(value, "j F Y")
    return value


def baris(rekaman, names):
    """[(label, value)] of `names`, for detail pages."""
    return [(rekaman._meta.get_field(n).verbose_name, nilai(rekaman, n)) for n in names]
