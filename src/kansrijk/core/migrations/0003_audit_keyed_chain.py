"""The keyed audit chain (docs/adr/0008): every entry records the version of the chain that wrote it.

Entries already present were hashed with unkeyed SHA-256 and keep `chain_version` 1; every entry
written from now on is an HMAC with `KANSRIJK_AUDIT_KEY` (version 2, the field's default). The column
is added without touching a row (PostgreSQL adds it with a constant default; SQLite rebuilds the
table, which drops its triggers), so the append-only guard is installed again afterwards.
"""

from typing import Any

from django.db import migrations, models

from kansrijk.core import audit_db_guard


def reinstall_guard(apps: Any, schema_editor: Any) -> None:
    audit_db_guard.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_audit_append_only")]

    operations = [
        # Existing rows: version 1 (unkeyed). The default then becomes 2 for every new entry.
        migrations.AddField(
            model_name="auditentry",
            name="chain_version",
            field=models.PositiveSmallIntegerField(default=1, editable=False),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="chain_version",
            field=models.PositiveSmallIntegerField(default=2, editable=False),
        ),
        migrations.RunPython(reinstall_guard, migrations.RunPython.noop),
    ]
