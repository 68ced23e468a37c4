"""The roles of Kansrijk, declared once, with what each role means for login and navigation."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    REGIEHOUDER = "regiehouder", _("Regiehouder")
    MDO_VOORZITTER = "mdo_voorzitter", _("Voorzitter MDO")
    MODERATOR = "moderator", _("Moderator Vraagbaak")
    KAART_REDACTEUR = "kaart_redacteur", _("Redacteur Kaart")
    PROGRAMMATEAM = "programmateam", _("Programmateam GKS")
    BEHEERDER = "beheerder", _("Beheerder")


# The roles that work with families (care team, referrals, MDO+).
WORKING_ROLES = (Role.PROFESSIONAL, Role.REGIEHOUDER, Role.MDO_VOORZITTER)


@dataclass(frozen=True)
class RoleInfo:
    role: Role
    sees_personal_data: bool
    description: Promise


ROLE_INFO: dict[Role, RoleInfo] = {
    Role.PROFESSIONAL: RoleInfo(
        Role.PROFESSIONAL, True, _("Werkt met gezinnen: signaleert, verwijst en draagt warm over.")
    ),
    Role.REGIEHOUDER: RoleInfo(Role.REGIEHOUDER, True, _("Houdt voor een gezin het overzicht, over de fases heen.")),
    Role.MDO_VOORZITTER: RoleInfo(
        Role.MDO_VOORZITTER, True, _("Leidt het multidisciplinair overleg (MDO+) in een wijk of stadsdeel.")
    ),
    Role.MODERATOR: RoleInfo(
        Role.MODERATOR, True, _("Bewaakt in de Vraagbaak dat casussen anoniem blijven en sluit vragen af.")
    ),
    Role.KAART_REDACTEUR: RoleInfo(Role.KAART_REDACTEUR, False, _("Houdt de Gezonde en Kansrijke Kaart actueel.")),
    Role.PROGRAMMATEAM: RoleInfo(
        Role.PROGRAMMATEAM,
        False,
        _("Stuurt het programma en volgt of de keten werkt, zonder persoonsgegevens."),
    ),
    Role.BEHEERDER: RoleInfo(Role.BEHEERDER, True, _("Beheert accounts en organisaties en houdt toezicht op toegang.")),
}

PERSONAL_DATA_ROLES = frozenset(info.role.value for info in ROLE_INFO.values() if info.sees_personal_data)
