"""The demo users of `manage.py seed_demo`: one per role in Lampung (DESIGN §1)."""

from apps.accounts.models import Peran

PASSWORD = "demo-bawaslu-2026"  # noqa: S105 - the published demo password, printed by make run

# username, full name, role, Satker code, is_superuser
PERSONAS = [
    ("operator.metro", "Rina Operator (Kota Metro)", Peran.OPERATOR, "18.72", False),
    ("operator.lamsel", "Agus Operator (Lampung Selatan)", Peran.OPERATOR, "18.01", False),
    ("koorsek.metro", "Dewi Koorsek (Kota Metro)", Peran.KOORDINATOR, "18.72", False),
    ("kasek.lampung", "Bambang Kasek (Provinsi Lampung)", Peran.KOORDINATOR, "18", False),
    ("pimpinan.lampung", "Hendra Ketua (Provinsi Lampung)", Peran.PIMPINAN, "18", False),
    ("ppid.lampung", "Sari PPID (Provinsi Lampung)", Peran.PPID, "18", False),
    ("admin", "Admin Data Bawaslu RI", Peran.ADMIN, "00", True),
    ("operator.kutim", "Yusuf Operator (Kutai Timur, Kaltim)", Peran.OPERATOR, "64.08", False),
]

# case handlers (see and enter reporters' personal data) of their own office
PENANGAN_PERKARA = {"operator.metro", "koorsek.metro", "operator.lamsel"}
