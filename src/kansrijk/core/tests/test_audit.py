from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from kansrijk.core import audit, audit_db_guard
from kansrijk.core.audit import Actor, Target, audit_denied, audit_record, audit_verify, entry_hash
from kansrijk.core.models import AuditAction, AuditChainHead, AuditEntry

ACTOR = Actor(id=7, label="fenna@test.kansrijk.test", organisation="OKT Zuidoost", role="professional")


def _record(n: int = 3) -> list[AuditEntry]:
    return audit_record(
        actor=ACTOR,
        action=AuditAction.VIEW,
        targets=[Target("families.family", str(i)) for i in range(n)],
        purpose="zorg verlenen",
    )


@pytest.fixture
def without_append_only_guard(db: None):
    """Lift the database's append-only guard inside the test transaction, to simulate an attacker
    with direct database access. The change is rolled back with the test."""
    audit_db_guard.lift(connection)
    yield


@pytest.mark.django_db
class TestAuditRecord:
    def test_entries_are_numbered_and_chained(self):
        first = _record(2)
        second = audit_denied(actor=ACTOR, attempted="view", targets=[Target("families.family", "9")])
        entries = list(AuditEntry.objects.order_by("seq"))
        assert [e.seq for e in entries] == [1, 2, 3]
        assert entries[0].prev_hash == "0" * 64
        assert entries[1].prev_hash == entries[0].hash
        assert entries[2].prev_hash == entries[1].hash
        assert second[0].action == AuditAction.DENIED
        assert second[0].detail == {"attempted": "view"}
        assert first[0].actor_organisation == "OKT Zuidoost"
        head = AuditChainHead.objects.get(pk=1)
        assert (head.seq, head.hash) == (3, entries[2].hash)

    def test_hash_covers_every_field(self):
        entry = _record(1)[0]
        original = entry_hash(entry)
        for field, value in [
            ("seq", 99),
            ("occurred_at", entry.occurred_at + timedelta(seconds=1)),
            ("actor_id", 8),
            ("actor_label", "iemand@anders"),
            ("actor_organisation", "Andere organisatie"),
            ("actor_role", "beheerder"),
            ("on_behalf_of", "iemand anders"),
            ("action", "update"),
            ("object_type", "accounts.user"),
            ("object_id", "99"),
            ("purpose", "nieuwsgierigheid"),
            ("request_id", "abc"),
            ("client_ip", "10.0.0.1"),
            ("detail", {"x": 1}),
            ("prev_hash", "f" * 64),
            ("chain_version", 1),
        ]:
            old = getattr(entry, field)
            setattr(entry, field, value)
            assert entry_hash(entry) != original, field
            setattr(entry, field, old)

    def test_overlong_texts_are_cut_to_the_column_widths(self):
        long = "x" * 500
        actor = Actor(id=7, label=long, organisation=long, role=long, on_behalf_of=long)
        audit_record(actor=actor, action=AuditAction.VIEW, targets=[Target(long, long)], purpose=long)
        entry = AuditEntry.objects.get()
        widths = {
            "actor_label": 254,
            "actor_organisation": 200,
            "actor_role": 200,
            "on_behalf_of": 254,
            "object_type": 100,
            "object_id": 64,
            "purpose": 200,
        }
        assert {name: len(getattr(entry, name)) for name in widths} == widths
        assert audit_verify().ok

    def test_rolled_back_change_leaves_no_entry_and_no_gap(self):
        with pytest.raises(RuntimeError), transaction.atomic():
            _record(1)
            raise RuntimeError("the change failed")
        _record(1)
        assert audit_verify().ok
        assert list(AuditEntry.objects.values_list("seq", flat=True)) == [1]

    def test_nothing_recorded_for_no_targets(self):
        assert audit_record(actor=ACTOR, action=AuditAction.VIEW, targets=[]) == []
        assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
class TestAppendOnly:
    def test_update_is_refused_by_the_database(self):
        _record(1)
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditEntry.objects.update(purpose="changed")
        assert AuditEntry.objects.get().purpose == "zorg verlenen"

    def test_delete_is_refused_by_the_database(self):
        _record(1)
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditEntry.objects.all().delete()
        assert AuditEntry.objects.count() == 1

    @pytest.mark.postgres
    def test_postgres_trigger_refuses_raw_update(self):
        if connection.vendor != "postgresql":
            pytest.skip("PostgreSQL only")
        _record(1)
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as c,
        ):
            c.execute("UPDATE core_auditentry SET purpose = 'x'")
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as c,
        ):
            c.execute("DELETE FROM core_auditentry")
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as c,
        ):
            c.execute("TRUNCATE core_auditentry")


@pytest.mark.django_db
class TestAuditVerify:
    def test_intact_chain(self):
        _record(5)
        result = audit_verify()
        assert result.ok and result.checked == 5

    def test_tampered_row_is_found(self, without_append_only_guard):
        _record(5)
        with connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditentry SET purpose = 'niets aan de hand' WHERE seq = 3")
        result = audit_verify()
        assert not result.ok
        assert result.broken_seq == 3
        assert "changed" in result.reason

    def test_removed_row_is_found(self, without_append_only_guard):
        _record(5)
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM core_auditentry WHERE seq = 2")
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 2)

    def test_removed_tail_is_found(self, without_append_only_guard):
        _record(5)
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM core_auditentry WHERE seq >= 4")
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 4)

    def test_rehashed_forgery_breaks_the_next_link(self, without_append_only_guard):
        _record(4)
        forged = AuditEntry.objects.get(seq=2)
        forged.purpose = "vervalst"
        new_hash = entry_hash(forged)
        with connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditentry SET purpose = %s, hash = %s WHERE seq = 2", ["vervalst", new_hash])
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 3)

    def test_entries_appended_during_the_walk_are_not_a_break(self, monkeypatch):
        _record(3)
        walk = audit._entries_in_order

        def walk_while_the_system_is_in_use(**kwargs):
            for number, entry in enumerate(walk(**kwargs)):
                if number == 0:
                    _record(2)  # someone opens a family file while verify runs
                yield entry

        monkeypatch.setattr(audit, "_entries_in_order", walk_while_the_system_is_in_use)
        result = audit_verify()
        assert (result.ok, result.checked) == (True, 3)
        monkeypatch.undo()
        assert (audit_verify().ok, audit_verify().checked) == (True, 5)

    def test_an_entry_slipped_in_past_the_head_is_found(self):
        last = _record(3)[-1]
        slipped = AuditEntry(
            seq=4,
            occurred_at=last.occurred_at,
            actor_label="niemand",
            action=AuditAction.VIEW,
            object_type="families.family",
            prev_hash=last.hash,
        )
        slipped.hash = entry_hash(slipped)
        AuditEntry.objects.bulk_create([slipped])  # inserting is possible; the chain head is not moved
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 4)
        assert "not in the chain" in result.reason

    def test_command_reports_first_broken_link(self, without_append_only_guard, capsys):
        _record(3)
        call_command("audit", "verify")
        assert "intact: 3 entries" in capsys.readouterr().out
        with connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditentry SET object_id = '42' WHERE seq = 2")
        with pytest.raises(CommandError, match="#2"):
            call_command("audit", "verify")
