"""Demo information requests for `manage.py seed_demo`: requests to Bawaslu Kota Metro and
Bawaslu Provinsi Lampung in every state — new, extended, answered each way, objected (open and
answered), overdue — walked through the real services with back-dated times. Idempotent: a
request is looked up by its office and its (unique) text. The tracking link of a request is
printed only when it is created: only its hash is stored."""

import datetime as dt

from django.utils import timezone

from apps.accounts.models import User
from apps.organisasi.models import Satker
from apps.ppid import services
from apps.ppid.models import Keputusan, Permohonan

PPID = "ppid.lampung"

# (office, days ago received, requester (name, NIK, email, phone, occupation), information,
#  steps: [(days ago, step, arguments)])
SKENARIO = [
    (
        "18.72",
        0,
        ("Budi Santoso", "1872011203850002", "budi.santoso@contoh.id", "", "Wartawan"),
        "Daftar TPS dan jumlah pemilih per kecamatan di Kota Metro pada Pemilu 2024.",
        [],
    ),
    (
        "18.72",
        8,
        ("Siti Aminah", "1872015507900003", "", "081234567801", "Mahasiswa"),
        "Laporan hasil pengawasan kampanye rapat umum di Kota Metro, Januari 2024.",
        [(1, "perpanjang", "Dokumen masih dihimpun dari pengawas kecamatan.")],
    ),
    (
        "18",
        20,
        ("Andi Pratama", "1871020101880004", "andi.pratama@contoh.id", "", "Peneliti"),
        "Rekapitulasi kegiatan pencegahan Bawaslu Provinsi Lampung tahun 2024.",
        [(12, "jawab", (Keputusan.DIKABULKAN, "Rekapitulasi terlampir dalam bentuk softcopy."))],
    ),
    (
        "18.72",
        25,
        ("Dewi Lestari", "1872016608920005", "dewi.lestari@contoh.id", "081234567802", "Guru"),
        "Salinan kajian dugaan pelanggaran beserta identitas pelapor, Kota Metro 2024.",
        [
            (
                15,
                "jawab",
                (
                    Keputusan.SEBAGIAN,
                    "Kajian diberikan; identitas pelapor dihitamkan.",
                    "h",
                    "Identitas pelapor adalah rahasia pribadi; membukanya dapat membahayakan "
                    "pelapor dan mengurangi kesediaan warga melapor.",
                ),
            )
        ],
    ),
    (
        "18",
        30,
        ("Rudi Hartono", "1801011010800006", "rudi.hartono@contoh.id", "", "Advokat"),
        "Berita acara klarifikasi perkara yang masih diproses Sentra Gakkumdu Lampung.",
        [
            (
                22,
                "jawab",
                (
                    Keputusan.DITOLAK,
                    "Informasi dikecualikan selama perkara masih diproses.",
                    "a",
                    "Membuka berita acara klarifikasi saat penyidikan berjalan dapat menghambat "
                    "proses penegakan hukum.",
                ),
            ),
            (
                5,
                "keberatan",
                ("a", "Perkara sudah dilimpahkan; alasan pengecualian tidak lagi berlaku."),
            ),
        ],
    ),
    (
        "18.72",
        18,
        ("Maya Sari", "1872014409950007", "", "081234567803", "Wiraswasta"),
        "Data penerimaan dana kampanye peserta pemilu di Kota Metro.",
        [
            (
                10,
                "jawab",
                (
                    Keputusan.TIDAK_DIKUASAI,
                    "Data dana kampanye dikuasai KPU Kota Metro; silakan ajukan ke PPID KPU.",
                ),
            )
        ],
    ),
    (
        "18.72",
        40,
        ("Joko Widodo Susilo", "1872010505700008", "joko.susilo@contoh.id", "", "Petani"),
        "Jumlah saran perbaikan daftar pemilih yang diterbitkan Bawaslu Kota Metro.",
        [],
    ),
    (
        "18",
        80,
        ("Lina Marlina", "1871024212870009", "lina.marlina@contoh.id", "", "Pegawai swasta"),
        "Notulen rapat pleno internal Bawaslu Provinsi Lampung, Februari 2024.",
        [
            (
                70,
                "jawab",
                (
                    Keputusan.DITOLAK,
                    "Notulen rapat internal dikecualikan.",
                    "i",
                    "Notulen memuat pertimbangan internal yang menurut sifatnya dirahasiakan.",
                ),
            ),
            (60, "keberatan", ("a", "Rapat pleno bersifat terbuka; notulennya informasi publik.")),
            (30, "tanggapi", ("ditolak", "Pengecualian dikuatkan; pertimbangan tetap rahasia.")),
        ],
    ),
    (
        "18.72",
        120,
        ("Hadi Kusuma", "1872011111750010", "", "081234567804", "Pensiunan"),
        "Anggaran pengawasan Pilkada Kota Metro 2024 per kegiatan.",
        [(100, "keberatan", ("c", "Sudah lewat batas waktu dan belum ada jawaban."))],
    ),
]


def _pada(hari_lalu: int) -> dt.datetime:
    return timezone.now().replace(hour=9, minute=0, second=0, microsecond=0) - dt.timedelta(
        days=hari_lalu
    )


def seed(stdout) -> int:
    """Create the demo requests that are missing; returns how many were created."""
    ppid = User.objects.filter(username=PPID).first()
    if ppid is None:
        stdout.write(f"Permohonan informasi demo dilewati: pengguna {PPID} belum ada.")
        return 0
    kantor = {s.kode: s for s in Satker.objects.filter(kode__in={s[0] for s in SKENARIO})}
    dibuat = 0
    for kode, hari, (nama, nik, email, telepon, pekerjaan), rincian, langkah in SKENARIO:
        if (
            kode not in kantor
            or Permohonan.objects.filter(satker=kantor[kode], rincian=rincian).exists()
        ):
            continue
        p, token = services.ajukan_permohonan(
            Permohonan(
                satker=kantor[kode],
                nama=nama,
                jenis_identitas="ktp",
                nomor_identitas=nik,
                alamat="Jl. Contoh No. 1, Metro Pusat, Kota Metro, Lampung",
                email=email,
                telepon=telepon,
                pekerjaan=pekerjaan,
                rincian=rincian,
                tujuan="Bahan kajian dan pemberitaan tentang pengawasan pemilu.",
                cara_memperoleh="softcopy",
                cara_salinan="email",
            ),
            pada=_pada(hari),
        )
        for hari_langkah, aksi, args in langkah:
            pada = _pada(hari_langkah)
            if aksi == "perpanjang":
                services.perpanjang(p, ppid, args, pada=pada)
            elif aksi == "jawab":
                keputusan, jawaban, *tolak = args
                pasal, uji = tolak or ("", "")
                services.jawab(
                    p, ppid, keputusan, jawaban, pasal=pasal, uji_konsekuensi=uji, pada=pada
                )
            elif aksi == "keberatan":
                services.ajukan_keberatan(p, *args, pada=pada)
            elif aksi == "tanggapi":
                p.refresh_from_db()
                services.tanggapi_keberatan(p.keberatan, ppid, *args, pada=pada)
            p.refresh_from_db()
        dibuat += 1
        stdout.write(f"  {p.nomor}: /ppid/permohonan/lacak/{token}/")
    stdout.write(f"Permohonan informasi demo: {dibuat} baru.")
    return dibuat
