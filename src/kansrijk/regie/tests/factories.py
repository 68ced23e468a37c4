from __future__ import annotations

from typing import Any

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.families.models import Discipline
from kansrijk.families.tests.factories import professional
from kansrijk.geo.models import Stadsdeel
from kansrijk.regie.models import RegiehouderProfile


def regiehouder(
    *, capacity: int = 10, languages: tuple[str, ...] = ("nl",), stadsdelen: tuple[str, ...] = (), **kwargs: Any
) -> User:
    user = professional(role=Role.REGIEHOUDER, **kwargs)
    profile = RegiehouderProfile.objects.create(
        user=user, discipline=Discipline.BUURTTEAM, capacity=capacity, languages=list(languages)
    )
    profile.stadsdelen.set(Stadsdeel.objects.filter(naam__in=stadsdelen))
    return user
