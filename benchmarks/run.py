"""`make bench`: performance figures of the foundation, each against a baseline measured in the same run.

- audit write: one audited read (hash chain, head-row lock) vs. a plain insert of the same row
- audit verify: walking and re-hashing the chain vs. only reading the same rows; entries per second
- audited page: GET /account/ (personal data, audited) vs. GET / (same layout, nothing audited)
- the Kaart's search (benchmarks/kaart.py): relevance, latency and index build at 10,000 services,
  freshness across worker processes

Runs on a throw-away test database (SQLite in memory by default; PostgreSQL when DATABASE_URL is set).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.config.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

import kaart  # type: ignore[import-not-found]  # noqa: E402  (benchmarks/kaart.py, run as a script)
from measure import timed  # type: ignore[import-not-found]  # noqa: E402  (benchmarks/measure.py)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {connection.vendor}"


def report(name: str, samples: list[float], baseline: list[float], unit: str = "ms") -> None:
    med, base = statistics.median(samples), statistics.median(baseline)
    print(f"{name:<44} {med * 1000:8.3f} {unit}  baseline {base * 1000:8.3f} {unit}  ratio {med / base:5.2f}x")


def main() -> None:
    setup_test_environment()
    with tempfile.TemporaryDirectory() as folder:
        if connection.vendor == "sqlite":
            # A file, not memory: the Kaart benchmark starts worker processes that share the database.
            connection.settings_dict["TEST"]["NAME"] = str(Path(folder) / "bench.sqlite3")
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            run()
            kaart.run()
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def run() -> None:
    from kansrijk.accounts.roles import Role
    from kansrijk.accounts.tests.factories import UserFactory
    from kansrijk.core.audit import Actor, Target, _entries_in_order, audit_record, audit_verify
    from kansrijk.core.models import AuditEntry

    print(f"machine: {machine()}")
    actor = Actor(id=1, label="bench@test.kansrijk.test", organisation="Bench", role="professional")
    counter = iter(range(10**9))

    def audited() -> None:
        audit_record(actor=actor, action="view", targets=[Target("families.family", "1")], purpose="bench")

    def plain(rows: int = 1) -> None:
        """The same rows inserted without the chain (no head-row lock, no hashing)."""
        entries = []
        for _ in range(rows):
            n = next(counter)
            entries.append(
                AuditEntry(
                    seq=10**12 + n,
                    occurred_at=django.utils.timezone.now(),
                    actor_id=1,
                    actor_label=actor.label,
                    action="view",
                    object_type="families.family",
                    object_id="1",
                    purpose="bench",
                    prev_hash="0" * 64,
                    hash=f"{n:064d}",
                )
            )
        AuditEntry.objects.bulk_create(entries)

    # verify first, on a chain of audited entries only (the baseline rows below lie outside the chain,
    # which verify would rightly report): the hash walk vs. reading the same rows in the same order.
    for _batch in range(100):
        audit_record(actor=actor, action="view", targets=[Target("families.family", str(i)) for i in range(50)])
    chained = AuditEntry.objects.count()
    assert audit_verify().ok
    verify_samples = timed(audit_verify, 5)
    report(
        f"audit verify ({chained} entries)",
        verify_samples,
        timed(lambda: sum(1 for _entry in _entries_in_order()), 5),
    )
    verify_seconds = statistics.median(verify_samples)
    print(f"{'':<44} {chained / verify_seconds:8.0f} entries/s")

    for fn in (audited, plain):  # warm up
        timed(fn, 20)
    report("audit write (1 entry)", timed(audited, 500), timed(plain, 500))

    def audited_page_of_50() -> None:
        audit_record(actor=actor, action="view", targets=[Target("families.family", str(i)) for i in range(50)])

    report("audit write (a list page of 50 entries)", timed(audited_page_of_50, 100), timed(lambda: plain(50), 100))

    user = UserFactory.create(roles=[Role.PROGRAMMATEAM])
    client = Client()
    client.post("/inloggen/", {"username": user.email, "password": "een-lang-en-veilig-wachtwoord"})
    for path in ("/account/", "/"):
        timed(partial(client.get, path), 10)
    report(
        "page GET /account/ (audited) vs / (not)",
        timed(lambda: client.get("/account/"), 200),
        timed(lambda: client.get("/"), 200),
    )


if __name__ == "__main__":
    main()
