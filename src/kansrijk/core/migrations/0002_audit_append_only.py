"""Make the audit trail append-only in the database itself, and create the chain's head row."""

from typing import Any

from django.db import migrations

from kansrijk.core import audit_db_guard


def forward(apps: Any, schema_editor: Any) -> None:
    audit_db_guard.install(schema_editor.connection)
    apps.get_model("core", "AuditChainHead").objects.get_or_create(pk=1, defaults={"seq": 0, "hash": "0" * 64})


def backward(apps: Any, schema_editor: Any) -> None:
    audit_db_guard.lift(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_audit_trail")]

    operations = [migrations.RunPython(forward, backward)]
