"""Load the packaged gebiedsindeling file, so that a fresh `migrate` has Amsterdam's areas.

Uses the historical models through the shared loader (never the service), so later model changes
cannot break this migration's view of the schema. Later versions of the file are loaded with
`kansrijk geo load` (or a new data migration).
"""

from django.db import migrations

from kansrijk.geo.loader import GeoModels, apply_fixture, read_fixture


def load_gebiedsindeling(apps, schema_editor):
    apply_fixture(
        read_fixture(),
        GeoModels(
            version=apps.get_model("geo", "GeoDataVersion"),
            stadsdeel=apps.get_model("geo", "Stadsdeel"),
            gebied=apps.get_model("geo", "Gebied"),
            wijk=apps.get_model("geo", "Wijk"),
            postcode=apps.get_model("geo", "PostcodeArea"),
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("geo", "0001_areas"),
    ]

    operations = [
        # Reversing keeps the rows: they are reference data, and other apps may refer to them.
        migrations.RunPython(load_gebiedsindeling, migrations.RunPython.noop),
    ]
