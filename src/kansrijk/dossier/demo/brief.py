"""The three families of the domain brief (§5), loaded from families.yaml through the family services."""

from __future__ import annotations

from dataclasses import replace

from django.core.exceptions import ValidationError

from kansrijk.accounts.models import User
from kansrijk.core.demo_data import DemoDataError
from kansrijk.dossier.demo.data import FAMILIES_FILE, BriefFamily
from kansrijk.dossier.demo.generator import Phones, Places
from kansrijk.dossier.demo.staff import Staff
from kansrijk.families import services as family_services
from kansrijk.families.models import Caregiver, Family
from kansrijk.pathways import services as pathway_services
from kansrijk.regie.services import regie_assign
from kansrijk.signalling.services import assessment_record


def load_brief_family(spec: BriefFamily, *, staff: Staff, places: Places, phones: Phones) -> Family:
    """Open the file and record everything of `spec`, in the order of families.yaml's head. A service
    that refuses an entry stops the load with the file and the family named."""
    where = f"{FAMILIES_FILE.name}: {spec.name}"

    def person(who: str) -> User:
        return staff.person(who, where=where)

    opener = person(spec.opened_by)
    try:
        family = family_services.family_open(
            by=opener,
            name=spec.name,
            discipline=spec.discipline,
            address=places.address(spec.address.stadsdeel, pc4=spec.address.pc4, street=spec.address.street),
            is_demo=True,
        )
        caregivers: dict[str, Caregiver] = {}
        for data in spec.caregivers:  # each gets a visibly fictional phone number
            added = family_services.caregiver_add(
                family=family, by=opener, data=replace(data, phone=data.phone or phones())
            )
            caregivers.setdefault(data.given_name, added)
        # Older children first: a child recorded while a pregnancy is ongoing would be recorded as its birth.
        for child in (c for c in spec.children if not c.of_the_pregnancy):
            family_services.child_add(
                family=family,
                by=opener,
                given_name=child.given_name,
                birth_date=child.birth_date,
                weeks_at_birth=child.weeks_at_birth,
                birth_weight_grams=child.birth_weight_grams,
            )
        pregnancy = None
        if spec.pregnancy is not None:
            pregnancy = family_services.pregnancy_record(
                family=family,
                by=opener,
                expected_due_date=spec.pregnancy.expected_due_date,
                mother=caregivers[spec.pregnancy.mother],
            )
        for child in (c for c in spec.children if c.of_the_pregnancy):
            family_services.child_add(
                family=family,
                by=opener,
                given_name=child.given_name,
                birth_date=child.birth_date,
                weeks_at_birth=child.weeks_at_birth,
                birth_weight_grams=child.birth_weight_grams,
                pregnancy=pregnancy,
            )
        for member in spec.care_team:
            joined = family_services.care_team_add(
                family=family, user=person(member.who), discipline=member.discipline, by=opener
            )
            if member.left:
                pathway_services.care_team_remove(member=joined, by=opener)
        network_by = person(spec.network_by) if spec.network_by else opener
        for helper in spec.network:
            family_services.network_member_add(
                family=family,
                by=network_by,
                name=helper.name,
                relation=helper.relation,
                helps_with=helper.helps_with,
                agreement=helper.agreement,
                contact=phones(),
            )
        assessment = spec.assessment
        assessment_record(
            family=family,
            by=person(assessment.by) if assessment.by else opener,
            conversation_on=assessment.conversation_on,
            observations=list(assessment.observations),
            strengths_note=assessment.strengths_note,
        )
        if spec.regiehouder is not None:
            regie_assign(family=family, regiehouder=person(spec.regiehouder), by=opener)
    except ValidationError as error:
        raise DemoDataError(f"{where}: the services refused it: {'; '.join(error.messages)}") from error
    return family
