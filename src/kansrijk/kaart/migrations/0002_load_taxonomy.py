"""Load the packaged taxonomy (hulpvraag, fase, doelgroep, languages) and create the version row."""

from django.db import migrations

from kansrijk.kaart.taxonomy import TaxonomyModels, apply_taxonomy, read_taxonomy


def load_taxonomy(apps, schema_editor):
    apply_taxonomy(
        read_taxonomy(),
        TaxonomyModels(
            taxonomy=apps.get_model("kaart", "Taxonomy"),
            term=apps.get_model("kaart", "TaxonomyTerm"),
            language=apps.get_model("kaart", "Language"),
        ),
    )
    apps.get_model("kaart", "KaartVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("kaart", "0001_hsds_model"),
    ]

    operations = [
        # Reversing keeps the rows: services may refer to the terms.
        migrations.RunPython(load_taxonomy, migrations.RunPython.noop),
    ]
