"""An operator logs in, files a pencegahan report and submits it; a coordinator approves it,
the PPID classifies it, and it appears on the public page."""

from pathlib import Path

import pytest
from django.core.management import call_command

from apps.accounts.models import Penugasan, Peran, User
from apps.organisasi.models import Satker
from apps.pencegahan.models import Pencegahan
from apps.wilayah.models import Wilayah

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "kata-sandi-uji-123"
SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _user(username, peran, satker):
    user = User.objects.create_user(username=username, password=PASSWORD, nama_lengkap=username)
    Penugasan.objects.create(user=user, peran=peran, satker=satker)
    return user


def _login(page, base, username):
    page.goto(f"{base}/kelola/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_operator_files_and_submits_then_record_goes_public(live_server, page):
    Wilayah.objects.create(kode="18", nama="Lampung", tingkat="provinsi")
    Wilayah.objects.create(kode="18.72", nama="Kota Metro", tingkat="kabkota", induk_id="18")
    Wilayah.objects.create(
        kode="18.72.01", nama="Metro Pusat", tingkat="kecamatan", induk_id="18.72"
    )
    call_command("load_satker", verbosity=0)
    metro = Satker.objects.get(kode="18.72")
    _user("operator.metro", Peran.OPERATOR, metro)
    _user("koorsek.metro", Peran.KOORDINATOR, metro)
    _user("ppid.lampung", Peran.PPID, Satker.objects.get(kode="18"))
    base = live_server.url
    SHOTS.mkdir(exist_ok=True)

    _login(page, base, "operator.metro")
    page.get_by_role("link", name="Pencegahan").first.click()
    page.get_by_role("link", name="Tambah laporan").click()
    page.get_by_label("Wilayah").select_option(label="Metro Pusat (18.72.01)")
    page.get_by_label("Jenis kegiatan").select_option(label="Sosialisasi")
    page.get_by_label("Nama kegiatan").fill("Sosialisasi pemilih pemula di SMA 1 Metro")
    page.get_by_label("Tanggal kegiatan").fill("2024-03-12")
    page.get_by_label("Sasaran").fill("Pelajar SMA")
    page.get_by_label("Jumlah peserta").fill("120")
    page.get_by_label("Ringkasan kegiatan").fill("Materi hak pilih dan larangan politik uang.")
    page.get_by_role("button", name="Simpan draf").click()
    page.get_by_text("Rekaman disimpan sebagai draf.").wait_for()
    page.get_by_role("button", name="Ajukan").click()
    page.get_by_text("status sekarang “Diajukan”").wait_for()
    record = Pencegahan.objects.get()
    assert record.status == "diajukan"
    assert record.periode.isoformat() == "2024-03-01"
    page.screenshot(path=SHOTS / "operator-diajukan.png", full_page=True)

    page.get_by_role("button", name="Keluar").click()
    _login(page, base, "koorsek.metro")
    page.goto(f"{base}/kelola/pencegahan/{record.pk}/")
    page.get_by_role("button", name="Setujui").click()
    page.get_by_text("status sekarang “Disetujui”").wait_for()

    page.get_by_role("button", name="Keluar").click()
    _login(page, base, "ppid.lampung")
    page.goto(f"{base}/kelola/pencegahan/{record.pk}/")
    page.get_by_label("Informasi berkala").check()
    page.get_by_role("button", name="Simpan klasifikasi").click()
    page.get_by_text("Klasifikasi disimpan").wait_for()

    page.goto(f"{base}/data/pencegahan/")
    page.get_by_role("link", name="Sosialisasi pemilih pemula di SMA 1 Metro").click()
    page.get_by_text("Materi hak pilih dan larangan politik uang.").wait_for()
    page.screenshot(path=SHOTS / "publik-detail.png", full_page=True)
