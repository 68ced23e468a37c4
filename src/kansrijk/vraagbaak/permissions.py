"""Who may do what in the Vraagbaak (rules).

Reading and writing is for approved members. Moderators (role `moderator`, with the second factor)
see the queue, edit for anonymity and close questions. The `beheerder` lists the organisation email
domains whose sign-ups are approved at once.
"""

from __future__ import annotations

from typing import Any

import rules

from kansrijk.accounts.permissions import cached, can_administer, is_moderator, is_second_factor_verified
from kansrijk.vraagbaak.models import MemberState, Question

MEMBER_STATE = "vraagbaak.member_state"  # the key of the cached membership (`accounts.permissions.cached`)


@rules.predicate
def is_member(user: Any) -> bool:
    state = cached(user, MEMBER_STATE, _member_state)
    return bool(state == MemberState.APPROVED)


def _member_state(user: Any) -> str:
    return type(user).objects.filter(pk=user.pk).values_list("vraagbaak_member__state", flat=True).first() or ""


@rules.predicate
def is_author(user: Any, question: Any) -> bool:
    return isinstance(question, Question) and question.author_id == getattr(user, "pk", None)


@rules.predicate
def is_visible(user: Any, question: Any) -> bool:
    return isinstance(question, Question) and question.is_visible


can_moderate = is_moderator & is_second_factor_verified

rules.add_perm("vraagbaak.use", is_member | can_moderate)
rules.add_perm("vraagbaak.view_question", (is_member & is_visible) | (is_member & is_author) | can_moderate)
rules.add_perm("vraagbaak.mark_solution", is_member & is_author)
rules.add_perm("vraagbaak.moderate", can_moderate)
rules.add_perm("vraagbaak.manage_domains", can_administer)
