"""The client addresses from which a person completed a login (a keyed hash of each, and when last): a
lock of such an address, caused by someone else behind the same router, spares them there."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_api_token_second_factor")]

    operations = [
        migrations.CreateModel(
            name="LoginAddress",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("address_key", models.CharField(max_length=64)),
                ("last_login_at", models.DateTimeField()),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("user", "address_key"), name="login_address_unique")],
            },
        ),
    ]
