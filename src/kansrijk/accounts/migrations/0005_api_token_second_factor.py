"""API tokens record whether the session that made them had passed the second factor.

Tokens that exist already get False: nothing recorded how they were made, so they pass no check that
needs the second factor (fail closed). Their owners make a new token after logging in with both steps."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_drop_unused_knox_table")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="second_factor_verified",
            field=models.BooleanField(default=False, verbose_name="gemaakt na de tweede stap"),
        ),
    ]
