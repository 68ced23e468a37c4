"""Referral notices and the daily-digest choice move to the notify app (one Notice model for all of
Kansrijk); the old daily referral digest job gives way to notify's one digest job."""

from typing import Any

from django.db import migrations
from django.urls import NoReverseMatch, reverse

# The lines as they were mailed (in Dutch), now stored on each notice.
LINES = {
    "nieuw": "Er is een nieuwe verwijzing voor jouw organisatie.",
    "status": "Een verwijzing die je volgt is nu: %(status)s.",
    "herinnering": "Een verwijzing wacht vandaag op antwoord of eerste contact.",
    "laat": "Een verwijzing is te laat (de afgesproken termijn is voorbij).",
    "zeer_laat": "Een verwijzing is zeer laat (drie keer de afgesproken termijn).",
    "ingetrokken": "Een ouder heeft de toestemming ingetrokken. Je ziet de gegevens niet meer.",
}


def _link(referral_id: int) -> str:
    try:
        return reverse("referrals:referral", args=[referral_id])
    except NoReverseMatch:
        return f"/verwijzingen/{referral_id}/"


def forwards(apps: Any, schema_editor: Any) -> None:
    from django.utils import translation

    from kansrijk.referrals.models import ReferralStatus

    old_notices = apps.get_model("referrals", "Notice")
    old_preferences = apps.get_model("referrals", "NoticePreference")
    Notice = apps.get_model("notify", "Notice")
    NoticePreference = apps.get_model("notify", "NoticePreference")
    with translation.override("nl"):
        statuses = {value: str(label) for value, label in ReferralStatus.choices}
    batch = []
    for old in old_notices.objects.select_related("referral").order_by("pk").iterator():
        status = statuses.get(old.status, old.status)
        batch.append(
            Notice(
                user_id=old.user_id,
                kind=f"referrals.{old.kind}",
                subject=LINES.get(old.kind, status) % {"status": status},
                headline=status,
                link=_link(old.referral_id),
                family_id=old.referral.family_id,
                object_type="referrals.referral",
                object_id=str(old.referral_id),
                created_at=old.created_at,
                sent_at=old.emailed_at,
                read_at=old.read_at,
            )
        )
        if len(batch) >= 1000:
            Notice.objects.bulk_create(batch)
            batch = []
    Notice.objects.bulk_create(batch)
    NoticePreference.objects.bulk_create(
        [
            NoticePreference(user_id=user_id, kind="referrals", frequency="dagelijks")
            for user_id in old_preferences.objects.filter(digest=True).values_list("user_id", flat=True)
        ],
        ignore_conflicts=True,
    )
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name="referrals.digest").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0002_answer_link_single_use_and_end"),
        ("notify", "0001_notices"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        # Backwards the notices stay in notify (the old tables come back empty).
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
