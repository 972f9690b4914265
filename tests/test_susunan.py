"""The layout of docs/susunan.md holds: imports run one way, and no public outlet names a
module. Read from the source (ast), so a new import in the wrong direction fails here before
it makes a circle somewhere else."""

import ast
from pathlib import Path

import pytest

from apps.core import izin, registry
from apps.core.workflow import Aksi

AKAR = Path(__file__).resolve().parent.parent
APPS = AKAR / "apps"


def _berkas(app):
    return sorted(p for p in (APPS / app).rglob("*.py") if "migrations" not in p.parts)


def _impor(path):
    """Every module `path` imports, at any level (a function's own import included)."""
    pohon = ast.parse(path.read_text())
    hasil = set()
    for n in ast.walk(pohon):
        if isinstance(n, ast.ImportFrom) and n.module:
            hasil.add(n.module)
            hasil |= {f"{n.module}.{a.name}" for a in n.names}
        elif isinstance(n, ast.Import):
            hasil |= {a.name for a in n.names}
    return hasil


def _melanggar(app, terlarang):
    return sorted(
        f"{path.relative_to(AKAR)}: {m}"
        for path in _berkas(app)
        for m in _impor(path)
        if any(m == t or m.startswith(t + ".") for t in terlarang)
    )


def _app_modul():
    return sorted({m.model.__module__.split(".")[1] for m in registry.all_modules()})


def test_core_tidak_mengimpor_lapisan_di_atasnya():
    """The record base knows no user app, no outlet and no data module."""
    terlarang = [
        "apps.accounts",
        "apps.portal",
        "apps.opendata",
        "apps.ppid",
        "apps.dashboard",
        *(f"apps.{a}" for a in _app_modul()),
    ]
    assert _melanggar("core", terlarang) == []


@pytest.mark.parametrize("app", _app_modul())
def test_modul_data_tidak_mengimpor_pintu_publik(app):
    assert _melanggar(app, ["apps.portal", "apps.opendata", "apps.ppid"]) == []


def test_opendata_tidak_mengimpor_portal():
    assert _melanggar("opendata", ["apps.portal", "apps.ppid"]) == []


@pytest.mark.parametrize("app", ["portal", "opendata"])
def test_pintu_publik_tidak_menyebut_modul_dengan_nama(app):
    """A module contributes through its registry entry; no public outlet imports it or
    names it in code or templates."""
    assert _melanggar(app, [f"apps.{a}" for a in _app_modul()]) == []
    kode = registry.codes()
    sumber = [*_berkas(app), *sorted((AKAR / "templates" / app).rglob("*.html"))]
    disebut = []
    for path in sumber:
        pohon = ast.parse(path.read_text()) if path.suffix == ".py" else None
        if pohon is not None:
            teks = {n.value for n in ast.walk(pohon) if isinstance(n, ast.Constant)}
            disebut += [f"{path.name}: {k}" for k in kode if k in teks]
        else:
            isi = path.read_text()
            disebut += [f"{path.name}: {k}" for k in kode if f"'{k}'" in isi or f'"{k}"' in isi]
    assert disebut == []


def test_izin_tanpa_lingkaran_impor():
    """The permission questions name the grant of every workflow action by its code and do
    not import the workflow, which asks them."""
    assert set(izin.IZIN_AKSI) == set(Aksi.values)
    assert not {m for m in _impor(APPS / "core" / "izin.py") if m.startswith("apps.core.workflow")}
