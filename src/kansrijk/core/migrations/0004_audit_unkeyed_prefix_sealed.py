"""Seal the entries written before the keyed chain (docs/adr/0008).

Whoever can write the table, but lacks `KANSRIJK_AUDIT_KEY`, could otherwise relabel the whole chain,
keyed entries included, as unkeyed (version 1) with recomputed SHA-256 hashes, and verification would
take it for entries from before the key. This migration records on the head row how far the unkeyed
entries go (the last one's sequence number) with an HMAC of the key over that number and that entry's
hash; verification refuses every unkeyed entry past it, and every unkeyed entry when there is no seal.
It runs once: nothing else ever writes the seal. A database without unkeyed entries needs no key here;
one with them needs the key the application uses (the migration fails without it).
"""

from typing import Any

from django.db import migrations, models

from kansrijk.core.audit import seal_unkeyed_prefix


def seal(apps: Any, schema_editor: Any) -> None:
    seal_unkeyed_prefix(
        entry_model=apps.get_model("core", "AuditEntry"), head_model=apps.get_model("core", "AuditChainHead")
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0003_audit_keyed_chain")]

    operations = [
        migrations.AddField(
            model_name="auditchainhead",
            name="unkeyed_up_to",
            field=models.BigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="auditchainhead",
            name="unkeyed_seal",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
        migrations.RunPython(seal, migrations.RunPython.noop),
    ]
