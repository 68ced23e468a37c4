"""The keyed audit chain (HMAC with KANSRIJK_AUDIT_KEY) and its checkpoints outside the database.

The attacker in these tests can write the database (the append-only guard lifted inside the test's
transaction, as a database administrator could) but does not hold the key, or does and rewrites the
chain with the application's own writes; the checkpoint file lies outside their reach."""

from __future__ import annotations

import hashlib
import hmac
import importlib
import json
import logging
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from kansrijk.core import audit_db_guard, jobs
from kansrijk.core.audit import (
    CHAIN_VERSION,
    GENESIS_HASH,
    UNKEYED_VERSION,
    Actor,
    Target,
    _canonical,
    audit_record,
    audit_verify,
    entry_hash,
    prefix_seal,
)
from kansrijk.core.audit_checkpoint import (
    CheckpointError,
    CheckpointFileError,
    parse_line,
    verify_with_checkpoints,
    write_checkpoint,
)
from kansrijk.core.models import AuditAction, AuditChainHead, AuditEntry
from kansrijk.core.services import registered_jobs

ACTOR = Actor(id=7, label="fenna@test.kansrijk.test", organisation="OKT Zuidoost", role="professional")
OTHER_KEY = "another-key-that-did-not-write-this-chain-0123456789"


def _record(n: int = 1) -> list[AuditEntry]:
    return audit_record(
        actor=ACTOR,
        action=AuditAction.VIEW,
        targets=[Target("families.family", str(i)) for i in range(n)],
        purpose="zorg verlenen",
    )


def _key(settings) -> bytes:
    key: str = settings.KANSRIJK_AUDIT_KEY
    return key.encode()


@pytest.fixture
def without_append_only_guard(db: None):
    """Lift the append-only guard inside the test transaction (rolled back with the test): an attacker
    with direct database access."""
    audit_db_guard.lift(connection)


def _store(entry: AuditEntry) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_auditentry SET purpose = %s, prev_hash = %s, hash = %s, chain_version = %s WHERE seq = %s",
            [entry.purpose, entry.prev_hash, entry.hash, entry.chain_version, entry.seq],
        )


def _rewrite_unkeyed(from_seq: int, *, purpose: str | None = None) -> str:
    """What someone without the key can do at best: rewrite the entries from `from_seq` on as unkeyed
    (version 1) entries with correct SHA-256 hashes and links, and move the head along."""
    entries = list(AuditEntry.objects.order_by("seq"))
    prev = GENESIS_HASH if from_seq == 1 else entries[from_seq - 2].hash
    for entry in entries[from_seq - 1 :]:
        if purpose is not None:
            entry.purpose = purpose
        entry.chain_version = UNKEYED_VERSION
        entry.prev_hash = prev
        entry.hash = prev = entry_hash(entry)
        _store(entry)
    AuditChainHead.objects.filter(pk=1).update(hash=prev)
    return prev


def _cut_tail(keep: int) -> None:
    """Remove the entries after #keep and set the head back to #keep (the head row is writable)."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE seq > %s", [keep])
    AuditChainHead.objects.filter(pk=1).update(seq=keep, hash=AuditEntry.objects.get(seq=keep).hash)


def _legacy_chain(n: int) -> list[AuditEntry]:
    """Entries as they were before core.0003: unkeyed SHA-256, kept as chain version 1 by the migration."""
    entries = []
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        entry = AuditEntry(
            seq=seq,
            occurred_at=_record_time(),
            actor_label="oud",
            action=AuditAction.VIEW,
            object_type="families.family",
            object_id=str(seq),
            prev_hash=prev,
            chain_version=UNKEYED_VERSION,
        )
        entry.hash = prev = hashlib.sha256(_canonical(entry)).hexdigest()
        entries.append(entry)
    AuditEntry.objects.bulk_create(entries)
    AuditChainHead.objects.update_or_create(pk=1, defaults={"seq": n, "hash": prev})
    _run_the_sealing_migration()
    return entries


def _run_the_sealing_migration() -> None:
    """What migration core.0004 does to a database with entries from before the keyed chain."""
    migration = importlib.import_module("kansrijk.core.migrations.0004_audit_unkeyed_prefix_sealed")
    migration.seal(django_apps, connection.schema_editor)


def _record_time():
    from kansrijk.core import clock

    return clock.now()


@pytest.mark.django_db
class TestKeyedChain:
    def test_entries_carry_an_hmac_with_the_configured_key(self, settings):
        entry = _record()[0]
        assert entry.chain_version == CHAIN_VERSION
        assert entry.hash == hmac.new(_key(settings), _canonical(entry), hashlib.sha256).hexdigest()
        assert entry.hash != hashlib.sha256(_canonical(entry)).hexdigest()
        assert AuditEntry.objects.get().chain_version == CHAIN_VERSION

    def test_a_forged_row_with_a_recomputed_unkeyed_hash_is_found(self, without_append_only_guard):
        _record(4)
        forged = AuditEntry.objects.get(seq=2)
        forged.purpose = "vervalst"
        forged.hash = hashlib.sha256(_canonical(forged)).hexdigest()
        _store(forged)
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 2)
        assert "does not match its MAC" in result.reason

    def test_a_forged_tail_relabelled_as_unkeyed_is_found(self, without_append_only_guard):
        """Rewriting entries as version 1 with correct SHA-256 links: an unkeyed entry after a keyed one."""
        _record(4)
        _rewrite_unkeyed(3, purpose="vervalst")
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 3)
        assert "unkeyed entry after the keyed chain began at #1" in result.reason

    def test_a_chain_relabelled_as_unkeyed_from_its_start_is_found_without_a_checkpoint(
        self, without_append_only_guard
    ):
        """Every entry, keyed ones included, rewritten as version 1 with correct SHA-256 hashes and
        links: no keyed entry is left to come first, but none of them was sealed as written before
        the keyed chain."""
        _record(4)
        _rewrite_unkeyed(1, purpose="vervalst")
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 1)
        assert "unkeyed entry past the 0 sealed as written before the keyed chain" in result.reason
        assert "relabelled" in result.reason

    def test_another_key_fails_verification(self, settings):
        _record(3)
        assert audit_verify().ok
        settings.KANSRIJK_AUDIT_KEY = OTHER_KEY
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 1)
        assert "KANSRIJK_AUDIT_KEY is not the key that wrote it" in result.reason

    def test_without_a_key_nothing_is_written(self, settings):
        settings.KANSRIJK_AUDIT_KEY = ""
        with pytest.raises(ImproperlyConfigured, match="KANSRIJK_AUDIT_KEY"):
            _record()
        assert not AuditEntry.objects.exists()
        assert AuditChainHead.objects.get(pk=1).seq == 0


@pytest.mark.django_db
class TestEntriesFromBeforeTheKeyedChain:
    def test_unkeyed_entries_verify_as_before_and_the_keyed_chain_continues_from_them(self):
        legacy = _legacy_chain(3)
        keyed = _record(2)
        assert keyed[0].prev_hash == legacy[-1].hash  # the first keyed entry is linked to the last unkeyed one
        result = audit_verify()
        assert (result.ok, result.checked, result.unkeyed, result.keyed_from) == (True, 5, 3, 4)

    def test_a_rewritten_unkeyed_entry_breaks_the_first_keyed_link(self, without_append_only_guard):
        _legacy_chain(3)
        _record(2)
        # Rewrite #2 and re-hash the unkeyed part; the keyed entry #4 cannot be re-signed without the key.
        entries = list(AuditEntry.objects.order_by("seq"))
        prev = entries[0].hash
        for entry in entries[1:3]:
            entry.purpose = "vervalst" if entry.seq == 2 else entry.purpose
            entry.prev_hash = prev
            entry.hash = prev = entry_hash(entry)
            _store(entry)
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 4)
        assert "link to the previous entry" in result.reason

    def test_keyed_entries_relabelled_after_the_sealed_ones_are_found(self, without_append_only_guard):
        _legacy_chain(3)
        _record(2)
        assert AuditChainHead.objects.get().unkeyed_up_to == 3
        _rewrite_unkeyed(4, purpose="vervalst")
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 4)
        assert "past the 3 sealed as written before the keyed chain" in result.reason

    def test_a_seal_moved_without_the_key_is_found(self, without_append_only_guard):
        _legacy_chain(3)
        _record(2)
        _rewrite_unkeyed(4)
        # Moving the sealed point along needs a seal over the new last entry, which needs the key.
        AuditChainHead.objects.filter(pk=1).update(unkeyed_up_to=5)
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 5)
        assert "the seal of the entries written before the keyed chain (up to #5) does not match" in result.reason

    def test_sealed_with_another_key_is_found(self, settings):
        _legacy_chain(2)
        settings.KANSRIJK_AUDIT_KEY = OTHER_KEY
        result = audit_verify()
        assert (result.ok, result.broken_seq) == (False, 2)
        assert "the seal of the entries written before the keyed chain (up to #2) does not match" in result.reason

    def test_the_migration_seals_nothing_without_unkeyed_entries(self, settings):
        _record(2)
        settings.KANSRIJK_AUDIT_KEY = ""  # no key needed when there is nothing to seal
        _run_the_sealing_migration()
        head = AuditChainHead.objects.get()
        assert (head.unkeyed_up_to, head.unkeyed_seal) == (0, "")

    def test_the_migration_refuses_to_seal_a_chain_with_an_unkeyed_entry_after_a_keyed_one(
        self, without_append_only_guard
    ):
        _record(3)
        _rewrite_unkeyed(2)
        with pytest.raises(ImproperlyConfigured, match="#3 is unkeyed but comes after the keyed entry #1"):
            _run_the_sealing_migration()
        assert AuditChainHead.objects.get().unkeyed_up_to == 0

    def test_the_command_says_how_many_entries_are_unkeyed(self, capsys):
        _legacy_chain(2)
        _record(1)
        call_command("audit", "verify")
        out = capsys.readouterr().out
        assert "intact: 3 entries" in out and "#1 to #2 were written before the keyed chain" in out


@pytest.mark.django_db
class TestCheckpoints:
    def test_a_checkpoint_is_a_signed_line_appended_to_the_file(self, tmp_path, settings):
        path = tmp_path / "audit.checkpoints"
        _record(3)
        first = write_checkpoint(path)
        _record(2)
        second = write_checkpoint(path)
        assert path.read_text().splitlines() == [first, second]
        checkpoint = parse_line(second, number=2, key=_key(settings))
        assert (checkpoint.seq, checkpoint.count, checkpoint.keyed_from) == (5, 5, 1)
        assert checkpoint.mac == AuditEntry.objects.get(seq=5).hash == AuditChainHead.objects.get().hash
        assert set(json.loads(second)) == {"at", "seq", "mac", "count", "keyed_from", "kid", "sig"}
        assert settings.KANSRIJK_AUDIT_KEY not in path.read_text()
        result = verify_with_checkpoints(path)
        assert (result.ok, result.checked, result.checkpoints) == (True, 5, 2)

    def test_a_checkpoint_of_an_empty_chain(self, tmp_path):
        path = tmp_path / "audit.checkpoints"
        write_checkpoint(path)
        assert json.loads(path.read_text())["seq"] == 0
        _record(1)
        assert verify_with_checkpoints(path).ok

    def test_a_removed_tail_with_the_head_set_back_is_found(self, tmp_path, without_append_only_guard):
        path = tmp_path / "audit.checkpoints"
        _record(5)
        write_checkpoint(path)
        _record(2)
        _cut_tail(3)
        assert audit_verify().ok  # the chain alone cannot tell: the head row was moved back with it
        result = verify_with_checkpoints(path)
        assert not result.ok
        assert result.problems == [
            "the chain was shortened: its head is #3, but the checkpoint of "
            f"{json.loads(path.read_text())['at']} (line 1) recorded #5 (entries #4 to #5 were removed)"
        ]

    def test_a_rewritten_head_is_found(self, tmp_path, without_append_only_guard):
        """The tail removed and written again through the application, which holds the key."""
        path = tmp_path / "audit.checkpoints"
        _record(5)
        write_checkpoint(path)
        _cut_tail(3)
        audit_record(actor=ACTOR, action=AuditAction.VIEW, targets=[Target("families.family", "x")] * 2)
        assert audit_verify().ok
        result = verify_with_checkpoints(path)
        assert not result.ok
        assert len(result.problems) == 1
        assert "entry #5 differs from the checkpoint" in result.problems[0] and "rewritten" in result.problems[0]

    def test_a_chain_rewritten_as_unkeyed_is_found(self, tmp_path, without_append_only_guard):
        """Every entry relabelled as unkeyed: the chain's own check finds it (nothing was sealed as
        written before the keyed chain), and so do the checkpoints, which recorded where it began."""
        path = tmp_path / "audit.checkpoints"
        _record(4)
        write_checkpoint(path)
        _rewrite_unkeyed(1)
        chain = audit_verify()
        assert (chain.ok, chain.broken_seq) == (False, 1)
        result = verify_with_checkpoints(path)
        assert not result.ok
        assert result.problems[0].startswith("the chain is broken at entry #1: an unkeyed entry past the 0 sealed")

    def test_the_checkpoints_pin_where_the_keyed_chain_began(self, tmp_path, without_append_only_guard, settings):
        """Were the seal forged too (here: written with the key, as only its holder could), the
        checkpoints still show that the keyed chain began at #1."""
        path = tmp_path / "audit.checkpoints"
        _record(4)
        write_checkpoint(path)
        mac = _rewrite_unkeyed(1)
        AuditChainHead.objects.filter(pk=1).update(unkeyed_up_to=4, unkeyed_seal=prefix_seal(4, mac, _key(settings)))
        assert audit_verify().ok
        result = verify_with_checkpoints(path)
        assert not result.ok
        assert "entry #4 differs from the checkpoint" in result.problems[0]
        assert "the keyed chain began at #1 according to the checkpoint" in result.problems[1]
        assert "but now no keyed entry" in result.problems[1]

    def test_a_chain_rewritten_with_another_key_is_found(self, tmp_path, settings):
        path = tmp_path / "audit.checkpoints"
        _record(3)
        write_checkpoint(path)
        settings.KANSRIJK_AUDIT_KEY = OTHER_KEY  # someone re-signs the chain with a key of their own
        result = verify_with_checkpoints(path)
        assert not result.ok
        assert result.problems[0].startswith("the chain is broken at entry #1")
        assert "line 1 was signed with another KANSRIJK_AUDIT_KEY" in result.problems[1]

    def test_an_edited_checkpoint_line_is_found(self, tmp_path):
        path = tmp_path / "audit.checkpoints"
        _record(5)
        line = write_checkpoint(path)
        path.write_text(line.replace('"seq":5', '"seq":4').replace('"count":5', '"count":4') + "\n")
        result = verify_with_checkpoints(path)
        assert result.problems == ["line 1: the signature does not match: the line was changed"]

    def test_reordered_checkpoint_lines_are_found(self, tmp_path):
        path = tmp_path / "audit.checkpoints"
        _record(1)
        first = write_checkpoint(path)
        _record(1)
        second = write_checkpoint(path)
        path.write_text(f"{second}\n{first}\n")
        (problem,) = verify_with_checkpoints(path).problems
        assert "(line 2) lies before the one above it (#1 < #2)" in problem

    def test_log_lines_are_checkpoints_too(self, tmp_path, caplog):
        _record(2)
        with caplog.at_level(logging.INFO, logger="kansrijk.audit"):
            line = write_checkpoint(None)
        logged = [r.getMessage() for r in caplog.records if r.name == "kansrijk.audit"]
        assert logged == [f"audit checkpoint {line}"]
        path = tmp_path / "from-the-log.txt"
        path.write_text(f"2026-12-07 10:00:00 level=INFO logger=kansrijk.audit {logged[0]}\n")
        assert verify_with_checkpoints(path).ok

    def test_no_checkpoint_is_written_when_the_previous_one_no_longer_matches(
        self, tmp_path, without_append_only_guard
    ):
        path = tmp_path / "audit.checkpoints"
        _record(5)
        write_checkpoint(path)
        before = path.read_text()
        _cut_tail(2)
        with pytest.raises(CheckpointError, match="the chain was shortened"):
            write_checkpoint(path)
        assert path.read_text() == before

    def test_no_checkpoint_is_written_when_the_entries_since_are_broken(self, tmp_path, without_append_only_guard):
        path = tmp_path / "audit.checkpoints"
        _record(2)
        write_checkpoint(path)
        _record(2)
        with connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditentry SET purpose = 'vervalst' WHERE seq = 3")
        with pytest.raises(CheckpointError, match="broken at entry #3"):
            write_checkpoint(path)
        assert len(path.read_text().splitlines()) == 1

    def test_the_first_checkpoint_of_a_file_is_not_written_for_a_broken_chain(
        self, tmp_path, without_append_only_guard
    ):
        path = tmp_path / "audit.checkpoints"
        _record(3)
        with connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditentry SET purpose = 'vervalst' WHERE seq = 1")
        with pytest.raises(CheckpointError, match="broken at entry #1"):
            write_checkpoint(path)
        assert path.read_text() == ""

    def test_a_missing_or_empty_file_is_an_error_of_its_own(self, tmp_path):
        with pytest.raises(CheckpointFileError, match="cannot read"):
            verify_with_checkpoints(tmp_path / "missing")
        (tmp_path / "empty").write_text("\n")
        with pytest.raises(CheckpointFileError, match="holds no checkpoints"):
            verify_with_checkpoints(tmp_path / "empty")


@pytest.mark.django_db
class TestScheduledCheckpoint:
    def test_the_job_is_declared_every_15_minutes(self):
        job = next(job for job in registered_jobs() if job.name == "core.audit_checkpoint")
        assert (job.func, job.minutes) == ("kansrijk.core.jobs.audit_checkpoint", 15)

    def test_the_job_appends_to_the_configured_file_through_the_worker(self, tmp_path, settings):
        from django_q.tasks import async_task, result

        path = tmp_path / "audit.checkpoints"
        settings.KANSRIJK_AUDIT_CHECKPOINT_FILE = str(path)
        _record(2)
        result(async_task("kansrijk.core.jobs.audit_checkpoint"))
        _record(1)
        jobs.audit_checkpoint()
        assert [json.loads(line)["seq"] for line in path.read_text().splitlines()] == [2, 3]

    def test_without_a_file_the_job_writes_to_the_log_only(self, settings, caplog):
        settings.KANSRIJK_AUDIT_CHECKPOINT_FILE = ""
        _record(1)
        with caplog.at_level(logging.INFO, logger="kansrijk.audit"):
            line = jobs.audit_checkpoint()
        assert json.loads(line)["seq"] == 1
        assert any(line in r.getMessage() for r in caplog.records)


@pytest.mark.django_db
class TestCommand:
    def test_checkpoint_and_verify(self, tmp_path: Path, capsys):
        path = tmp_path / "audit.checkpoints"
        _record(3)
        call_command("audit", "checkpoint", "--file", str(path))
        assert json.loads(capsys.readouterr().out)["seq"] == 3
        call_command("audit", "verify", "--checkpoint", str(path))
        assert "intact: 3 entries checked, 1 checkpoint(s) match" in capsys.readouterr().out

    def test_checkpoint_uses_the_configured_file(self, tmp_path: Path, settings):
        path = tmp_path / "configured.checkpoints"
        settings.KANSRIJK_AUDIT_CHECKPOINT_FILE = str(path)
        call_command("audit", "checkpoint")
        assert len(path.read_text().splitlines()) == 1

    def test_exit_codes(self, tmp_path: Path, without_append_only_guard, capsys):
        path = tmp_path / "audit.checkpoints"
        _record(5)
        call_command("audit", "checkpoint", "--file", str(path))
        _cut_tail(3)
        call_command("audit", "verify")  # 0: the chain alone looks intact
        with pytest.raises(CommandError, match="BROKEN: 1 problem") as broken:
            call_command("audit", "verify", "--checkpoint", str(path))
        assert broken.value.returncode == 1
        assert "the chain was shortened" in capsys.readouterr().err
        with pytest.raises(CommandError, match="no checkpoint written: the chain was shortened") as refused:
            call_command("audit", "checkpoint", "--file", str(path))
        assert refused.value.returncode == 1
        with pytest.raises(CommandError, match="cannot read") as unreadable:
            call_command("audit", "verify", "--checkpoint", str(tmp_path / "missing"))
        assert unreadable.value.returncode == 2
        with pytest.raises(CommandError, match="cannot write") as unwritable:
            call_command("audit", "checkpoint", "--file", str(tmp_path / "no" / "such" / "folder"))
        assert unwritable.value.returncode == 2
        with connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditentry SET purpose = 'vervalst' WHERE seq = 2")
        with pytest.raises(CommandError, match="#2") as changed:
            call_command("audit", "verify")
        assert changed.value.returncode == 1
