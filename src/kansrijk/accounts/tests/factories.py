from __future__ import annotations

from typing import Any

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.models import Membership, Organisation, OrganisationKind, RoleGrant, User


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testorganisatie {n}")
    kind = OrganisationKind.SOCIAAL
    contact_email = factory.Sequence(lambda n: f"org{n}@test.kansrijk.test")


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A person. Traits: `roles=[Role...]`, `with_totp=True` (a confirmed authenticator app),
    `organisation=<Organisation>` (default: a new one)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@test.kansrijk.test")
    full_name = factory.Sequence(lambda n: f"Test Persoon {n}")
    job_title = "Jeugdverpleegkundige"

    @factory.post_generation
    def password(self: Any, create: bool, extracted: str | None, **kwargs: Any) -> None:
        self.set_password(extracted or "een-lang-en-veilig-wachtwoord")
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def roles(self: Any, create: bool, extracted: list[Any] | None, **kwargs: Any) -> None:
        for role in extracted or []:
            RoleGrant.objects.create(user=self, role=role.value)

    @factory.post_generation
    def organisation(self: Any, create: bool, extracted: Organisation | None, **kwargs: Any) -> None:
        Membership.objects.create(user=self, organisation=extracted or OrganisationFactory.create())

    @factory.post_generation
    def with_totp(self: Any, create: bool, extracted: bool | None, **kwargs: Any) -> None:
        if extracted:
            TOTPDevice.objects.create(user=self, name="authenticator-app", confirmed=True)
