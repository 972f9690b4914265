from django.db import migrations

SQL = """
CREATE FUNCTION audit_tolak_ubah() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'catatan audit tidak dapat diubah atau dihapus';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_catatanaudit_append_only
    BEFORE UPDATE OR DELETE ON audit_catatanaudit
    FOR EACH ROW EXECUTE FUNCTION audit_tolak_ubah();
"""
REVERSE = """
DROP TRIGGER IF EXISTS audit_catatanaudit_append_only ON audit_catatanaudit;
DROP FUNCTION IF EXISTS audit_tolak_ubah();
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
