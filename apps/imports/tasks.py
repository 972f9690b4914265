"""The background half of an import: the check (a dry run) and, once confirmed, the write, each
a task on the database-backed worker. Progress is written on a connection of its own, committed
at once, so the page sees it while the import's own transaction is still open."""

import logging

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from apps.core import registry
from apps.imports import proses
from apps.imports.models import ImportJob, Keadaan

log = logging.getLogger(__name__)


class Pelapor:
    """Writes a job's progress outside the import's transaction."""

    def __init__(self, job_id):
        self.job_id = job_id
        self.total = None
        self.koneksi = connections.create_connection(DEFAULT_DB_ALIAS)

    def __call__(self, selesai, total=None, keadaan=None):
        if total is not None:
            self.total = total
        sql = (
            f"UPDATE {ImportJob._meta.db_table} "  # noqa: S608 - the model's own table
            "SET baris_selesai = %s, baris_total = %s, diperbarui_pada = %s"
        )
        nilai = [selesai, self.total, timezone.now()]
        if keadaan is not None:
            sql += ", keadaan = %s"
            nilai.append(keadaan)
        with self.koneksi.cursor() as c:
            c.execute(sql + " WHERE id = %s", [*nilai, self.job_id])

    def tutup(self):
        self.koneksi.close()


def jalankan_job(job_id: int, simpan: bool) -> str:
    """Check (or write) the job's file; the job says what came of it, in the language of the
    person who uploaded it."""
    job = ImportJob.objects.select_related("dibuat_oleh", "satker").get(pk=job_id)
    with translation.override(job.bahasa):
        return _jalankan(job, simpan)


def _jalankan(job, simpan):
    pelapor = Pelapor(job.pk)
    try:
        pelapor(0, keadaan=Keadaan.MENYIMPAN if simpan else Keadaan.MEMERIKSA)
        with job.berkas.open("rb") as f:
            hasil = proses.jalankan(
                registry.get(job.modul),
                f,
                job.nama_berkas,
                job.dibuat_oleh,
                satker_kode=job.satker.kode if job.satker else None,
                simpan=simpan,
                setujui=job.setujui,
                kemajuan=pelapor,
                # what the person confirmed: a write that would do otherwise stops
                harapan=(job.baru, job.berubah, job.sama) if simpan else None,
                versi=job.versi if simpan else None,
            )
    except Exception:
        log.exception("impor %s gagal", job.pk)
        job.refresh_from_db()
        job.keadaan = Keadaan.GAGAL
        job.pesan = _(
            "Pekerjaan berhenti karena kesalahan sistem; basis data tidak berubah. Coba lagi, "
            "atau hubungi admin bila berulang."
        )
        job.selesai_pada = timezone.now()
        job.save()
        return job.keadaan
    finally:
        pelapor.tutup()
    return simpan_hasil(job, hasil, simpan)


def simpan_hasil(job, hasil, simpan):
    job.refresh_from_db()
    job.baris_total = job.baris_selesai = hasil.baris
    job.baru, job.berubah, job.sama = hasil.baru, hasil.berubah, hasil.sama
    job.jumlah_galat = len(hasil.galat)
    job.galat = [g.sebagai_dict() for g in hasil.galat[: proses.GALAT_DISIMPAN]]
    job.catatan = list(hasil.catatan)
    if not simpan:
        job.versi = {str(pk): v for pk, v in hasil.versi.items()}
    job.diperbarui_pada = timezone.now()
    job.pesan = ""
    if hasil.galat and hasil.galat[0].baris == 0:
        job.keadaan, job.pesan = Keadaan.GAGAL, str(hasil.galat[0])
    elif hasil.galat:
        job.keadaan = Keadaan.BERMASALAH
        if simpan:
            job.pesan = _(
                "Data berubah sejak berkas diperiksa dan kini ada kesalahan; tidak ada yang "
                "ditulis. Perbaiki lalu unggah lagi."
            )
    elif simpan:
        job.keadaan = Keadaan.SELESAI
    else:
        job.keadaan = Keadaan.SIAP
    if job.keadaan in (Keadaan.SELESAI, Keadaan.GAGAL, Keadaan.BERMASALAH):
        job.selesai_pada = timezone.now()
    job.save()
    return job.keadaan


@task
def periksa(job_id: int) -> str:
    return jalankan_job(job_id, simpan=False)


@task
def simpan(job_id: int) -> str:
    return jalankan_job(job_id, simpan=True)


def antrekan(job, simpan_: bool = False):
    """Queue the job's next step once the caller's transaction commits."""
    langkah = simpan if simpan_ else periksa
    transaction.on_commit(lambda: langkah.enqueue(job.pk))
