"""Vraagbaak notices, each member's choice of how often and their last digest move to the notify app
(one Notice model for all of Kansrijk); the hourly Vraagbaak digest job gives way to notify's one."""

from typing import Any

from django.db import migrations
from django.urls import NoReverseMatch, reverse

# The kinds' labels as they were mailed (in Dutch), now stored on each notice.
LABELS = {
    "nieuwe_vraag": "Nieuwe vraag over iets dat je volgt",
    "nieuw_antwoord": "Nieuw antwoord op je vraag",
    "opgelost": "Je antwoord hielp",
    "terugkoppeling": "Wat werkte er?",
    "gepubliceerd": "Je vraag staat online",
    "teruggestuurd": "De moderator stuurde je vraag terug",
    "zorgoverleg": "Zorgoverleg alarm",
}


def _link(kind: str, question_id: int | None) -> str:
    name, args = ("vraagbaak:notices", []) if question_id is None else ("vraagbaak:question", [question_id])
    if question_id is not None and kind == "terugkoppeling":
        name = "vraagbaak:feedback"
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def forwards(apps: Any, schema_editor: Any) -> None:
    old_notices = apps.get_model("vraagbaak", "Notice")
    Member = apps.get_model("vraagbaak", "Member")
    Notice = apps.get_model("notify", "Notice")
    NoticePreference = apps.get_model("notify", "NoticePreference")
    DigestState = apps.get_model("notify", "DigestState")
    batch = []
    for old in old_notices.objects.select_related("member").order_by("pk").iterator():
        batch.append(
            Notice(
                user_id=old.member.user_id,
                kind=f"vraagbaak.{old.kind}",
                subject=LABELS.get(old.kind, old.kind),
                link=_link(old.kind, old.question_id),
                object_type="vraagbaak.question" if old.question_id else "",
                object_id=str(old.question_id) if old.question_id else "",
                created_at=old.created_at,
                sent_at=old.sent_at,
                read_at=old.read_at,
            )
        )
        if len(batch) >= 1000:
            Notice.objects.bulk_create(batch)
            batch = []
    Notice.objects.bulk_create(batch)
    members = list(Member.objects.values_list("user_id", "frequency", "last_digest_at"))
    NoticePreference.objects.bulk_create(
        [NoticePreference(user_id=user_id, kind="vraagbaak", frequency=frequency) for user_id, frequency, _ in members],
        ignore_conflicts=True,
    )
    DigestState.objects.bulk_create(
        [DigestState(user_id=user_id, daily_at=last, weekly_at=last) for user_id, _, last in members if last],
        ignore_conflicts=True,
    )
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name="vraagbaak.digest").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("vraagbaak", "0002_rooms"),
        ("notify", "0001_notices"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        # Backwards the notices stay in notify (the old table comes back empty).
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
