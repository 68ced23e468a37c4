"""Load version 1 of the pathway "Zo werken wij in Amsterdam" from the packaged definition."""

from typing import Any

from django.db import migrations
from django.utils import timezone


def load(apps: Any, schema_editor: Any) -> None:
    from kansrijk.pathways.definition import create_version, packaged_definition, steps_from_json

    version_model = apps.get_model("pathways", "PathwayVersion")
    if version_model.objects.exists():
        return
    raw = packaged_definition()
    create_version(
        version_model,
        apps.get_model("pathways", "PathwayStep"),
        number=int(raw["version"]),
        name=raw["name"],
        steps=steps_from_json(raw),
        note="Eerste versie.",
        at=timezone.now(),
        by=None,
    )


class Migration(migrations.Migration):
    dependencies = [("pathways", "0001_pathway_and_tasks")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
