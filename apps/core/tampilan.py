"""How a record's field reads on a page: choice labels, names of related rows, Indonesian
dates, the reporting month as a month, and computed values (`@dihitung`) such as a budget's
absorption or an agreement's validity, which are derived on read and never stored."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db.models.fields.files import FieldFile
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _


def dihitung(label):
    """Mark a model property as a computed, displayable value with a label."""

    def wrap(fn):
        fn.label = label
        return property(fn)

    return wrap


def label(model, name):
    try:
        return model._meta.get_field(name).verbose_name
    except FieldDoesNotExist:
        return getattr(getattr(model, name).fget, "label", name)


def nilai(rekaman, name):
    try:
        field = rekaman._meta.get_field(name)
    except FieldDoesNotExist:
        return _format(getattr(rekaman, name))
    value = getattr(rekaman, name)
    if field.choices:
        return getattr(rekaman, f"get_{name}_display")()
    if field.is_relation:
        return "" if value is None else getattr(value, "nama", str(value))
    if name == "periode" and value is not None:
        return date_format(value, "F Y")
    if isinstance(value, FieldFile):
        return value.name.rsplit("/", 1)[-1] if value else ""
    return _format(value)


def _format(value):
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, dt.datetime):
        return date_format(value, "j F Y H:i")
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    if isinstance(value, Decimal | float | int):
        return number_format(value, use_l10n=True, force_grouping=True)
    return value


def baris(rekaman, names):
    """[(label, value)] of `names`, for detail pages."""
    return [(label(type(rekaman), n), nilai(rekaman, n)) for n in names]


def anak(rekaman, inline):
    """The child rows of `inline` belonging to `rekaman`, each as [(label, value)]."""
    fk = next(
        f for f in inline.model._meta.fields if f.is_relation and f.related_model is type(rekaman)
    )
    rows = inline.model.objects.filter(**{fk.name: rekaman}).order_by("pk")
    return [baris(row, inline.fields) for row in rows]


def berkas(rekaman, names):
    """[(label, field name, file name)] of the non-empty file fields among `names`."""
    result = []
    for name in names:
        value = getattr(rekaman, name, None)
        if isinstance(value, FieldFile) and value:
            result.append((label(type(rekaman), name), name, nilai(rekaman, name)))
    return result
