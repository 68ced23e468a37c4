"""The Zorgoverleg alarm rooms, one per kind of problem (seed 002 §3.2.4)."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

ROOMS = [
    ("geldzorgen", "Geldzorgen en schulden", "Weinig geld, schulden, werk of huisvesting.", "risk:lage_ses"),
    (
        "psychisch",
        "Psychische problemen",
        "Psychische problemen of een licht verstandelijke beperking.",
        "risk:psychisch",
    ),
    (
        "ongedocumenteerd",
        "Ouders zonder papieren",
        "Geen verblijfsvergunning of een onzekere verblijfsstatus.",
        "risk:ongedocumenteerd",
    ),
    ("huiselijk-geweld", "Huiselijk geweld", "Zorgen over veiligheid thuis, en de meldcode.", "risk:huiselijk_geweld"),
    ("verslaving", "Verslaving", "Alcohol, drugs of andere verslaving.", "risk:verslaving"),
]


def add_rooms(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    room = apps.get_model("vraagbaak", "Room")
    for slug, name, description, tag in ROOMS:
        room.objects.get_or_create(slug=slug, defaults={"name": name, "description": description, "tag": tag})


class Migration(migrations.Migration):
    dependencies = [("vraagbaak", "0001_vraagbaak")]
    operations = [migrations.RunPython(add_rooms, migrations.RunPython.noop)]
