"""What notices exist: each domain app registers its kinds ("referrals.nieuw": a label and how often it
is mailed unless the person chose otherwise) and its namespace (the email's subject, the page to see it
on, and optionally a text added at sending time). Notify itself imports no domain app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from kansrijk.notify.models import Notice

Text = str | Promise


@dataclass(frozen=True)
class Kind:
    key: str  # "<namespace>.<code>", e.g. "referrals.nieuw"
    label: Text
    default: str  # a `Frequency` value: how often, unless the person chose otherwise


@dataclass(frozen=True)
class Namespace:
    name: str  # e.g. "referrals"
    subject: Text  # the subject of an email with one message
    digest_subject: Text  # the subject of an overview of this namespace's messages alone
    place: Text  # the sentence that links to the page, with "%(url)s"
    path: Callable[[], str]  # the page where the person sees these messages (a path, resolved when mailing)
    # A text added to the line when it is mailed (e.g. a title, only while it may be shown), or "".
    detail: Callable[[Notice], str] | None = None
    footer: Text = ""


_KINDS: dict[str, Kind] = {}
_NAMESPACES: dict[str, Namespace] = {}


def namespace_of(kind: str) -> str:
    return kind.split(".", 1)[0]


def register_namespace(namespace: Namespace) -> None:
    _NAMESPACES[namespace.name] = namespace


def register_kind(kind: Kind) -> None:
    if "." not in kind.key:
        raise ValueError(f"a notice kind is namespaced, e.g. 'referrals.nieuw', not {kind.key!r}")
    _KINDS[kind.key] = kind


def kind(key: str) -> Kind | None:
    return _KINDS.get(key)


def namespace(name: str) -> Namespace | None:
    return _NAMESPACES.get(name)


def kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda k: k.key)
