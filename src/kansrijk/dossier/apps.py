from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossierConfig(AppConfig):
    """The family file's pages: they compose families, signalling, pathways and regie (which know nothing
    of pages), for professionals in the care team."""

    name = "kansrijk.dossier"
    label = "dossier"
    verbose_name = _("Gezinsdossier (pagina's)")
