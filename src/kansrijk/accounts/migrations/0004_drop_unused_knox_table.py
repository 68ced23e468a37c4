"""django-rest-knox creates its own token table, `knox_authtoken`, even though its model is swapped for
`accounts.ApiToken` (setting KNOX_TOKEN_MODEL). Nothing reads or writes it, but its foreign key to the
users table makes PostgreSQL refuse to empty the other tables (a flush between browser tests, a data
erase). It is dropped; knox never uses it while the model is swapped."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_api_tokens_hashed"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [
        migrations.RunSQL("DROP TABLE IF EXISTS knox_authtoken", reverse_sql=migrations.RunSQL.noop),
    ]
