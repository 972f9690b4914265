from apps.audit.models import CatatanAudit


def catat(aktor, aksi: str, objek=None, satker=None, **data) -> CatatanAudit:
    """Append one audit row. Call inside the transaction of the change it records."""
    return CatatanAudit.objects.create(
        aktor=aktor if getattr(aktor, "is_authenticated", False) else None,
        aksi=aksi,
        objek_tipe=objek._meta.label_lower if objek is not None else "",
        objek_id=str(objek.pk) if objek is not None else "",
        satker_id=getattr(satker, "pk", satker),
        data=data,
    )
