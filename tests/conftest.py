"""Shared setup: a small region/office tree and the personas of STYLE §10.

The tree (Lampung with Kota Metro and Lampung Selatan, Kalimantan Timur with Kutai Timur, and
their Bawaslu offices) and the personas are written once per test session, in
`django_db_setup`, and stay in the test database: every test runs inside a transaction that is
rolled back, so whatever a test changes (a deactivated user, a deleted assignment) never
reaches the next one. The setup is idempotent because `--reuse-db` keeps the database between
runs. Tests that need real transactions (`transaction=True`, the browser tests) start from a
freshly migrated database instead: emptied, with what the data migrations put there (holidays,
legal time limits). Django empties every table after such a test, data migrations' rows
included: the tree, the personas and those rows are written back right after it (the
`pytest_runtest_teardown` hook below), and every session loads them again too.
"""

import io
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction

from apps.accounts.models import Penugasan, Peran, User
from apps.accounts.permissions import sinkron_izin
from apps.core import registry
from apps.organisasi.models import Satker
from apps.wilayah.models import Wilayah
from tests import factories

# kode, nama, tingkat (Kepmendagri 300.2.2-2138/2025)
WILAYAH = [
    ("18", "Lampung", "provinsi"),
    ("18.01", "Kabupaten Lampung Selatan", "kabkota"),
    ("18.01.04", "Natar", "kecamatan"),
    ("18.72", "Kota Metro", "kabkota"),
    ("18.72.01", "Metro Pusat", "kecamatan"),
    ("64", "Kalimantan Timur", "provinsi"),
    ("64.08", "Kabupaten Kutai Timur", "kabkota"),
]

# username: (full name, role, office, superuser)
PERSONA = {
    "operator_metro": ("Rina Operator Kota Metro", Peran.OPERATOR, "18.72", False),
    "operator_lamsel": ("Agus Operator Lampung Selatan", Peran.OPERATOR, "18.01", False),
    "koorsek_metro": ("Dewi Koorsek Kota Metro", Peran.KOORDINATOR, "18.72", False),
    "kasek_lampung": ("Bambang Kasek Provinsi Lampung", Peran.KOORDINATOR, "18", False),
    "pimpinan_lampung": ("Hendra Ketua Provinsi Lampung", Peran.PIMPINAN, "18", False),
    "ppid_lampung": ("Sari PPID Provinsi Lampung", Peran.PPID, "18", False),
    "admin": ("Admin Data Bawaslu RI", Peran.ADMIN, "00", True),
    "outsider": ("Yusuf Operator Kutai Timur", Peran.OPERATOR, "64.08", False),
}

# who enters data for each office by default when a test does not say
PENULIS = {
    "18.72": "operator_metro",
    "18.01": "operator_lamsel",
    "18": "pimpinan_lampung",
    "64.08": "outsider",
    "00": "admin",
}

MODULS = registry.all_modules()


# Every status × classification a record can have. Written out here rather than derived from
# apps.core.models, so the leak tests keep their own idea of what is public: a change to
# KLASIFIKASI_PUBLIK in the code must make them fail, not follow.
SKENARIO = [
    ("draft", "belum"),
    ("diajukan", "belum"),
    ("dikembalikan", "belum"),
    ("disetujui", "belum"),
    ("disetujui", "berkala"),
    ("disetujui", "serta_merta"),
    ("disetujui", "setiap_saat"),
    ("disetujui", "dikecualikan"),
]
PUBLIK = {"berkala", "serta_merta", "setiap_saat"}
TIDAK_PUBLIK = [(s, k) for s, k in SKENARIO if not (s == "disetujui" and k in PUBLIK)]


def modul_id(modul):
    return modul.kode


def bangun_pohon():
    for kode, nama, tingkat in WILAYAH:
        Wilayah.objects.update_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "tingkat": tingkat,
                "induk_id": kode.rpartition(".")[0] or None,
            },
        )
    call_command("load_satker", stdout=io.StringIO())
    for username, (nama, peran, kode, superuser) in PERSONA.items():
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "nama_lengkap": nama,
                "is_active": True,
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        Penugasan.objects.get_or_create(
            user=user,
            peran=peran,
            satker=Satker.objects.get(kode=kode),
            defaults={"modul": [], "aktif": True},
        )
        # a reused database may predate a module or an office: rebuild the grants
        sinkron_izin(user)


def isi_data_migrasi():
    """Run the data migrations of our apps again (each is idempotent: rows are written with
    `update_or_create` by their natural key), against the models as they are now."""
    from django.apps import apps as django_apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    loader = MigrationLoader(connection, ignore_no_migrations=True)
    with connection.schema_editor() as editor:
        for _, migrasi in sorted(loader.disk_migrations.items()):
            if not type(migrasi).__module__.startswith("apps."):
                continue
            for operasi in migrasi.operations:
                if isinstance(operasi, RunPython):
                    operasi.code(django_apps, editor)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        isi_data_migrasi()
        bangun_pohon()


_TRANSAKSIONAL_BERJALAN = pytest.StashKey[bool]()


def _transaksional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return marker is not None and bool(marker.kwargs.get("transaction"))


@pytest.fixture(autouse=True)
def _uji_transaksional_mulai_dari_basis_data_baru(request, django_db_blocker):
    if _transaksional(request.node):
        # pytest-django's own autouse fixture has set the test database up already
        request.getfixturevalue("transactional_db")
        request.node.stash[_TRANSAKSIONAL_BERJALAN] = True
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
            isi_data_migrasi()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test Django empties every table (in `transactional_db`'s teardown,
    after every fixture of ours): the session's tree, personas and data-migration rows are
    written back, so a test that runs later — in any order — finds what `django_db_setup`
    promised."""
    hasil = yield
    if item.stash.get(_TRANSAKSIONAL_BERJALAN, False):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            isi_data_migrasi()
            bangun_pohon()
    return hasil


@pytest.fixture(autouse=True)
def _hasher_cepat(settings):
    # seed_demo and the login tests hash passwords; the production hasher takes ~0.3 s each.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# ---- personas --------------------------------------------------------------------------------


def _persona(username):
    return User.objects.get(username=username)


@pytest.fixture
def operator_metro(db):
    """Operator of Bawaslu Kota Metro (18.72)."""
    return _persona("operator_metro")


@pytest.fixture
def operator_lamsel(db):
    """Operator of Bawaslu Kabupaten Lampung Selatan (18.01), a sibling of Kota Metro."""
    return _persona("operator_lamsel")


@pytest.fixture
def koorsek_metro(db):
    """Koordinator (Koorsek) of Bawaslu Kota Metro."""
    return _persona("koorsek_metro")


@pytest.fixture
def kasek_lampung(db):
    """Koordinator (Kasek) of Bawaslu Provinsi Lampung: its office and the kab/kota under it."""
    return _persona("kasek_lampung")


@pytest.fixture
def pimpinan_lampung(db):
    """Pimpinan of Bawaslu Provinsi Lampung: reads the province, enters data for its office."""
    return _persona("pimpinan_lampung")


@pytest.fixture
def ppid_lampung(db):
    """PPID officer of Bawaslu Provinsi Lampung: classifies approved records of the province."""
    return _persona("ppid_lampung")


@pytest.fixture
def admin(db):
    """Data admin of Bawaslu RI (admin role on "00") and superuser."""
    return _persona("admin")


@pytest.fixture
def outsider(db):
    """Operator of Bawaslu Kabupaten Kutai Timur (64.08), another province."""
    return _persona("outsider")


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def persona(request, db):
    """Look a persona fixture up by name, for tests parametrised over people."""
    return request.getfixturevalue


# ---- places and records ----------------------------------------------------------------------


@pytest.fixture
def kantor(db):
    """The office of that code: kantor("18.72")."""
    return lambda kode: Satker.objects.get(kode=kode)


@pytest.fixture
def buat(db):
    """Build a module record in any status/classification through the real services:
    buat(modul, "18.72", "disetujui", "berkala"). Entered by the office's usual author
    (PENULIS), approved and classified by the admin unless the test says otherwise."""

    def _buat(modul, kode="18.72", status="draft", klasifikasi="belum", **kw):
        satker = Satker.objects.get(kode=kode)
        kw.setdefault("oleh", _persona(PENULIS[kode]))
        kw.setdefault("peninjau", _persona("admin"))
        kw.setdefault("ppid", _persona("admin"))
        # the demo hook's records differ for different i (e.g. agreement numbers)
        kw.setdefault("i", modul.model.objects.filter(satker=satker).count() % 8)
        return factories.rekaman(modul, satker, status, klasifikasi, **kw)

    return _buat


def pesan_wajib() -> str:
    """Django's "This field is required." in the active language, as forms show it (an app's
    catalogue may word it differently from Django's own, e.g. Django REST framework's)."""
    from django import forms

    return str(forms.Field.default_error_messages["required"])


@pytest.fixture
def jadikan_penangan():
    """Give a persona the explicit case-handling permission (`tangani_perkara`) on one of its
    offices: jadikan_penangan(operator_metro) or jadikan_penangan(kasek_lampung, "18")."""

    def _jadikan(user, kode="18.72"):
        tugas = Penugasan.objects.get(user=user, satker__kode=kode)
        tugas.tangani_perkara = True
        tugas.save()  # the signal rebuilds the grants
        return user

    return _jadikan


def lihat_pribadi_tercatat(user, obj) -> int:
    """How many views of `obj`'s personal data by `user` the audit log holds."""
    from apps.audit.models import CatatanAudit

    return CatatanAudit.objects.filter(
        aktor=user, aksi="lihat_data_pribadi", objek_id=str(obj.pk)
    ).count()


def segar(obj):
    """The row as the database has it now."""
    return type(obj).objects.get(pk=obj.pk)


class Matriks:
    """Runs the cells of a table-driven test, each in a savepoint that is rolled back (every
    cell starts from the same records, built once), and collects the failing cells so that
    one run names all of them:

        matriks = Matriks()
        for ...:
            with matriks.sel(nama=..., aksi=...):
                assert ...
        matriks.periksa()
    """

    def __init__(self):
        self.gagal = []

    @contextmanager
    def sel(self, **nama_sel):
        try:
            with transaction.atomic():
                yield
                transaction.set_rollback(True)
        except AssertionError as e:
            self.gagal.append(f"{nama_sel}: {e}".splitlines()[0])

    def periksa(self):
        assert not self.gagal, f"{len(self.gagal)} sel gagal:\n" + "\n".join(self.gagal)
