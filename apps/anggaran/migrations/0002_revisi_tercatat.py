"""The pagu of a budget line changes only with a revision row, and revision rows are never
changed or deleted: enforced by the database, so neither a bug, the admin nor a shell can
change a budget ceiling without a trace."""

from django.db import migrations

SQL = """
CREATE FUNCTION anggaran_revisi_tolak_ubah() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'revisi pagu tidak dapat diubah atau dihapus';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER anggaran_revisipagu_tetap
    BEFORE UPDATE OR DELETE ON anggaran_revisipagu
    FOR EACH ROW EXECUTE FUNCTION anggaran_revisi_tolak_ubah();

-- A revision written in this transaction must record exactly this change of the amount.
-- `pada` is the statement time of its INSERT (Django's Now()), never earlier than the start
-- of the transaction (now()); revisions of earlier transactions are older than that.
CREATE FUNCTION anggaran_pagu_hanya_lewat_revisi() RETURNS trigger AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM anggaran_revisipagu r
        WHERE r.pagu_anggaran_id = NEW.id
          AND r.pagu_lama = OLD.pagu
          AND r.pagu_baru = NEW.pagu
          AND r.pada >= now()
    ) THEN
        RAISE EXCEPTION 'pagu % hanya dapat diubah lewat revisi pagu', NEW.id;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER anggaran_paguanggaran_lewat_revisi
    BEFORE UPDATE ON anggaran_paguanggaran
    FOR EACH ROW WHEN (NEW.pagu IS DISTINCT FROM OLD.pagu)
    EXECUTE FUNCTION anggaran_pagu_hanya_lewat_revisi();
"""
REVERSE = """
DROP TRIGGER IF EXISTS anggaran_paguanggaran_lewat_revisi ON anggaran_paguanggaran;
DROP FUNCTION IF EXISTS anggaran_pagu_hanya_lewat_revisi();
DROP TRIGGER IF EXISTS anggaran_revisipagu_tetap ON anggaran_revisipagu;
DROP FUNCTION IF EXISTS anggaran_revisi_tolak_ubah();
"""


class Migration(migrations.Migration):
    dependencies = [("anggaran", "0001_initial")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
