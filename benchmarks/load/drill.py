"""`make bench`, under load and faults: Kansrijk on PostgreSQL, two gunicorn processes and the job worker,
driven by locust, with faults injected on the way.

1. Load: migrate, load the demo (accounts, Kaart, 203 families, Vraagbaak), start two gunicorn instances
   (one worker process each, 127.0.0.1 only) and `kansrijk qcluster`, and run the locust scenario
   (benchmarks/load/locustfile.py; LOAD_USERS users, default 50, for LOAD_SECONDS, default 300):
   requests per second, p50/p95/p99 per page, errors. Meanwhile: a Kaart change made through one process
   is found through the other on the next search; the database is dumped (pg_dump) under load.
2. Faults: (a) the job worker is killed (kill -9, its whole process group) in the middle of sending
   digests; after a restart every notice is emailed exactly once. (b) PostgreSQL stops for 10 seconds
   under load: requests get a 503 page (no stack trace) and the service recovers by itself. (c) Two
   people accept the same referral at the same moment through the two processes: exactly one wins.
3. Backup and restore: the dump is restored into a new database, `kansrijk audit verify` passes there,
   and the families, referrals and audit entries counted before the dump are all there.

Run inside a throw-away cluster: `KANSRIJK_PG_PORT=55450 scripts/with_postgres.sh .venv/bin/python
benchmarks/load/drill.py` (what `make bench` does). Exits non-zero when a check fails.
"""

# ruff: noqa: S603, S608  (runs the project's own commands; SQL from constants)

from __future__ import annotations

import contextlib
import csv
import json
import os
import platform
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
USERS = int(os.environ.get("LOAD_USERS", "50"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "300"))
PORTS = [int(os.environ.get("LOAD_PORT", "8741")), int(os.environ.get("LOAD_PORT", "8741")) + 1]
HOSTS = [f"http://127.0.0.1:{p}" for p in PORTS]
OUTAGE_SECONDS = 10
DIGEST_PEOPLE = int(os.environ.get("LOAD_DIGEST_PEOPLE", "1500"))
PASSWORD = "welkom-bij-kansrijk-2026"  # noqa: S105  (the demo accounts' published password)
AUDIT_KEY = "load-drill-audit-key-not-secret-0123456789abcdef"
QUERIES = [
    "gratis babyspullen in Nieuw-West",
    "hulp bij schulden",
    "borstvoeding",
    "taalles voor moeders in Zuidoost",
    "zwanger en geen verzekering",
    "opvoedhulp",
    "huilende baby",
    "voedselbank Oost",
]
FACTORS = ["familierelaties", "sociaal_netwerk", "partnerrelatie"]

failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(f"  [{'ok' if ok else 'FAIL'}] {what}", flush=True)
    if not ok:
        failures.append(what)


def main() -> int:
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        print("load drill: needs PostgreSQL (run through scripts/with_postgres.sh); skipped")
        return 0
    work = Path(tempfile.mkdtemp(prefix="kansrijk-load-"))
    mail_dir = work / "mail"
    mail_dir.mkdir()
    env = {
        **os.environ,
        "SECRET_KEY": "load-drill-secret-key-not-secret-0123456789abcdefghij",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "KANSRIJK_AUDIT_KEY": AUDIT_KEY,
        "EMAIL_URL": "smtp://127.0.0.1:1",
        "LOAD_MAIL_DIR": str(mail_dir),
        "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
        "LOG_LEVEL": "WARNING",
        "SESSION_IDLE_MINUTES": "60",
    }
    drill = Drill(work, env, database_url)
    try:
        drill.run()
    finally:
        drill.stop_all()
        if os.environ.get("LOAD_KEEP"):
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"\nload drill: {len(failures)} check(s) FAILED: " + "; ".join(failures))
        return 1
    print("\nload drill: all checks passed")
    return 0


class Drill:
    def __init__(self, work: Path, env: dict[str, str], database_url: str) -> None:
        self.work = work
        self.env = env
        self.database_url = database_url
        self.mail_dir = Path(env["LOAD_MAIL_DIR"])
        self.servers: list[subprocess.Popen[bytes]] = []
        self.worker: subprocess.Popen[bytes] | None = None
        self.pg_data = os.environ.get("KANSRIJK_PG_DATA", "")
        self.pg_bin = Path(os.environ.get("KANSRIJK_PG_BIN", "/usr/bin"))

    # --- processes -----------------------------------------------------------------------------------

    def kansrijk(self, *args: str, settings: str = "load_settings", extra: dict[str, str] | None = None) -> str:
        env = {**self.env, "DJANGO_SETTINGS_MODULE": settings, **(extra or {})}
        done = subprocess.run([str(BIN / "kansrijk"), *args], env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"kansrijk {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def start_servers(self) -> None:
        env = {**self.env, "DJANGO_SETTINGS_MODULE": "load_settings"}
        for port in PORTS:
            log = open(self.work / f"gunicorn-{port}.log", "ab")  # noqa: SIM115
            self.servers.append(
                subprocess.Popen(
                    [
                        str(BIN / "gunicorn"),
                        "kansrijk.config.wsgi:application",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "1",
                        "--worker-class",
                        "gthread",
                        "--threads",
                        "4",
                        "--timeout",
                        "120",
                        "--keep-alive",
                        "75",  # longer than a simulated person's pause, as a proxy in front would keep it
                    ],
                    env=env,
                    stdout=log,
                    stderr=log,
                    start_new_session=True,
                )
            )
        for host in HOSTS:
            wait_until(lambda h=host: _status(f"{h}/healthz") in (200, 503), 180, f"{host} answers")

    def start_worker(self) -> None:
        log = open(self.work / "qcluster.log", "ab")  # noqa: SIM115
        env = {**self.env, "DJANGO_SETTINGS_MODULE": "load_settings"}
        self.worker = subprocess.Popen(
            [str(BIN / "kansrijk"), "qcluster"], env=env, stdout=log, stderr=log, start_new_session=True
        )

    def kill_worker(self) -> None:
        """kill -9 the worker and every process it started (its process group: the cluster's children)."""
        assert self.worker is not None
        os.killpg(self.worker.pid, signal.SIGKILL)
        self.worker.wait()
        self.worker = None

    def stop_all(self) -> None:
        for process in [*self.servers, *([self.worker] if self.worker else [])]:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
        self.servers, self.worker = [], None

    def pg_ctl(self, *args: str) -> None:
        owner = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        done = subprocess.run(
            [*owner, str(self.pg_bin / "pg_ctl"), "-D", self.pg_data, *args],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl {' '.join(args)} failed: {done.stdout}{done.stderr}")

    # --- the drill ---------------------------------------------------------------------------------------

    def run(self) -> None:
        print("Kansrijk under load and faults")
        cpu = next(
            (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),  # noqa: SIM115
            platform.processor(),
        )
        print(f"machine: {os.cpu_count()} CPUs (nproc), {cpu}; Python {platform.python_version()}")
        print(f"load: {USERS} users for {SECONDS} s against {', '.join(HOSTS)} (one gunicorn worker, 4 threads each)")
        t0 = time.monotonic()
        self.kansrijk("migrate", "--no-input", "-v", "0")
        for command in (["demo"], ["kaart", "demo"], ["dossier", "demo"], ["vraagbaak", "demo"]):
            self.kansrijk(*command, settings="kansrijk.config.settings.dev", extra={"EMAIL_URL": "dummymail://"})
        self.kansrijk("jobs", "sync")
        print(f"migrated and loaded the demo in {time.monotonic() - t0:.0f} s")
        os.environ.update({k: v for k, v in self.env.items() if k not in os.environ or k == "PYTHONPATH"})
        os.environ["DJANGO_SETTINGS_MODULE"] = "load_settings"
        sys.path.insert(0, str(HERE))
        import django

        django.setup()
        self.start_servers()
        self.start_worker()
        config = self.prepare()
        self.load(config)
        self.fault_digests()
        self.fault_database()
        self.fault_accept_race(config)
        self.restore()

    def prepare(self) -> dict[str, Any]:
        """API tokens for the demo professionals, the receiving side and load-drill Vraagbaak members."""
        from kansrijk.accounts.models import User
        from kansrijk.accounts.services import api_token_create
        from kansrijk.consent.models import DataCategory
        from kansrijk.kaart.models import Service

        def token(user: User) -> str:
            user.is_verified = lambda: True  # type: ignore[attr-defined]  # as a session past the second step
            return api_token_create(user=user, name="load drill")

        professionals = {
            e: token(User.objects.get(email=e))
            for e in ("professional@demo.kansrijk.test", "regiehouder@demo.kansrijk.test")
        }
        buurtteam = User.objects.get(email="buurtteam@demo.kansrijk.test")
        organisation = buurtteam.memberships.first().organisation  # type: ignore[union-attr]
        self.colleague = self.receiving_colleague(organisation)
        self.receiver_tokens = [token(buurtteam), token(self.colleague)]
        service = Service.objects.filter(organization__managed_by=organisation).first()
        assert service is not None, "the demo buurtteam has no Kaart service"
        families = {}
        for key in professionals.values():
            listed = requests.get(
                f"{HOSTS[0]}/api/v1/gezinnen/",
                headers={"Authorization": f"Token {key}"},
                params={"page_size": 500},
                timeout=60,
            )
            body = listed.json()
            rows = body.get("results", body) if isinstance(body, dict) else body
            families[key] = [row["id"] for row in rows][:100]
        members = [token(u) for u in self.load_members(20)]
        sessions = {key: self.session_of(email) for email, key in professionals.items()}
        config = {
            "sessions": sessions,
            "hosts": HOSTS,
            "professionals": list(professionals.values()),
            "receivers": self.receiver_tokens,
            "members": members,
            "families": families,
            "service": str(service.pk),
            "categories": list(DataCategory.values),
            "factors": FACTORS,
            "queries": QUERIES,
        }
        self.service = service
        self.professional_token = next(iter(professionals.values()))
        print(
            f"prepared: {sum(len(v) for v in families.values())} family files in reach, "
            f"{len(members)} Vraagbaak members"
        )
        return config

    def session_of(self, email: str) -> str:
        """A browser session through the real two-step login (password, then the demo account's TOTP code)."""
        from django_otp.oath import totp
        from django_otp.plugins.otp_totp.models import TOTPDevice

        browser = requests.Session()
        browser.get(f"{HOSTS[0]}/inloggen/", timeout=60)
        form = {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": browser.cookies.get("csrftoken", "")}
        step = browser.post(f"{HOSTS[0]}/inloggen/", data=form, allow_redirects=False, timeout=60)
        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
        form = {"code": f"{code:0{device.digits}d}", "csrfmiddlewaretoken": browser.cookies.get("csrftoken", "")}
        done = browser.post(f"{HOSTS[0]}/inloggen/code/", data=form, allow_redirects=False, timeout=60)
        if step.status_code != 302 or done.status_code != 302:
            raise RuntimeError(f"login of {email} failed: {step.status_code}, {done.status_code}")
        return str(browser.cookies["sessionid"])

    def receiving_colleague(self, organisation: Any) -> Any:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from kansrijk.accounts.models import Membership, RoleGrant, User
        from kansrijk.accounts.roles import Role

        user = User.objects.create_user(
            email="collega@load.kansrijk.test", password=PASSWORD, full_name="Collega Buurtteam"
        )
        Membership.objects.create(user=user, organisation=organisation)
        RoleGrant.objects.create(user=user, role=Role.PROFESSIONAL)
        TOTPDevice.objects.create(user=user, name="load drill", confirmed=True)  # a professional has a second step
        return user

    def load_members(self, n: int) -> list[Any]:
        from kansrijk.accounts.models import User
        from kansrijk.vraagbaak.models import Member

        template = Member.objects.filter(state="goedgekeurd").first()
        assert template is not None
        people = []
        for i in range(n):
            user = User.objects.create_user(email=f"lid{i}@load.kansrijk.test", password=PASSWORD, full_name=f"Lid {i}")
            Member.objects.create(
                user=user, organisation=template.organisation, function="Jeugdverpleegkundige", state="goedgekeurd"
            )
            people.append(user)
        return people

    # --- 1. load ---------------------------------------------------------------------------------------

    def load(self, config: dict[str, Any]) -> None:
        print(f"\n1. load ({USERS} users, {SECONDS} s)")
        config_path = self.work / "locust.json"
        config_path.write_text(json.dumps(config))
        self.config_path = config_path
        stats = self.work / "load"
        locust = self.locust(USERS, SECONDS, stats)
        time.sleep(min(30, SECONDS / 4))
        self.consistency()
        self.backup()
        locust.wait()
        self.report(stats)

    def locust(self, users: int, seconds: int, stats: Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                str(BIN / "locust"),
                "-f",
                str(HERE / "locustfile.py"),
                "--headless",
                "--users",
                str(users),
                "--spawn-rate",
                str(max(1, users // 10)),
                "--run-time",
                f"{seconds}s",
                "--csv",
                str(stats),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env={**self.env, "LOAD_CONFIG": str(self.config_path)},
            stdout=open(self.work / "locust.log", "ab"),
            stderr=subprocess.STDOUT,
        )

    def report(self, stats: Path) -> None:
        with open(f"{stats}_stats.csv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        print(f"\n  {'page':<52} {'requests':>8} {'rps':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'errors':>6}  (ms)")
        for row in rows:
            name = row["Name"] if row["Name"] != "Aggregated" else "all pages"
            label = f"{row['Type']} {name}" if row["Type"] else name
            print(
                f"  {label[:52]:<52} {row['Request Count']:>8} {float(row['Requests/s']):>6.1f} {row['50%']:>6} "
                f"{row['95%']:>6} {row['99%']:>6} {row['Failure Count']:>6}"
            )
        total = next(r for r in rows if r["Name"] == "Aggregated")
        check(
            int(total["Failure Count"]) == 0,
            f"no errors under load ({total['Failure Count']} of {total['Request Count']})",
        )
        failures_csv = Path(f"{stats}_failures.csv")
        if failures_csv.exists() and int(total["Failure Count"]):
            print(failures_csv.read_text()[:2000])

    def consistency(self) -> None:
        """A Kaart change is found through both processes at their next search. Each gunicorn process keeps
        the search index in memory with the map version it was built from (kaart/search.py); the change
        is written by a third process (this one), as an editor's save does: the service and the version."""
        from django.db import transaction

        from kansrijk.kaart.models import Service
        from kansrijk.kaart.services import kaart_version_bump

        word = "drilwoord" + "".join(random.choice("bcdfghjklmnpqrstvwxz") for _ in range(6))
        before = [_top(host, word) for host in HOSTS]  # both processes have their index built now
        service = Service.objects.get(pk=_top(HOSTS[0], "borstvoeding"))
        with transaction.atomic():  # what an editor's save does: the service, then the map's version
            Service.objects.filter(pk=service.pk).update(description=f"{service.description} {word}")
            kaart_version_bump()
        t = time.monotonic()
        after = [_top(host, word) for host in HOSTS]
        found = [top == str(service.pk) for top in after]
        print(
            f"  Kaart change found first through process A: {found[0]}, through process B: {found[1]} "
            f"({time.monotonic() - t:.1f} s for both searches, each rebuilding its index)"
        )
        check(
            all(top != str(service.pk) for top in before) and all(found),
            "a Kaart change is found through both processes at their next search",
        )

    def backup(self) -> None:
        """pg_dump under load, with the counts it must contain."""
        self.counts = self.count(self.database_url)
        self.audit_before = self.audit_ids(self.database_url)
        self.dump = self.work / "kansrijk.dump"
        t = time.monotonic()
        subprocess.run([str(self.pg_bin / "pg_dump"), "-Fc", "-f", str(self.dump), "-d", self.database_url], check=True)
        self.dump_seconds = time.monotonic() - t

    def restore(self) -> None:
        print("\n3. backup and restore")
        size = self.dump.stat().st_size / 1e6
        print(f"  pg_dump under load: {self.dump_seconds:.1f} s, {size:.1f} MB")
        parts = urlsplit(self.database_url)
        restored = self.database_url.rsplit("/", 1)[0] + "/kansrijk_restored"
        subprocess.run(
            [str(self.pg_bin / "psql"), "-q", "-d", self.database_url, "-c", "CREATE DATABASE kansrijk_restored"],
            check=True,
        )
        t = time.monotonic()
        subprocess.run([str(self.pg_bin / "pg_restore"), "--no-owner", "-d", restored, str(self.dump)], check=True)
        print(
            f"  restored into a new database ({parts.hostname}:{parts.port}/kansrijk_restored) "
            f"in {time.monotonic() - t:.1f} s"
        )
        verify = subprocess.run(
            [str(BIN / "kansrijk"), "audit", "verify"],
            env={**self.env, "DJANGO_SETTINGS_MODULE": "load_settings", "DATABASE_URL": restored},
            capture_output=True,
            text=True,
            check=False,
        )
        check(
            verify.returncode == 0,
            f"kansrijk audit verify on the restored copy: {(verify.stdout + verify.stderr).strip()[:200]}",
        )
        after = self.count(restored, audit_up_to=self.counts["audit_max"])
        before = self.counts
        print(
            f"  counted before the dump: {before['families']} families, {before['referrals']} referrals, "
            f"{before['audit']} audit entries"
        )
        print(
            f"  in the restored copy:    {after['families']} families, {after['referrals']} referrals, "
            f"{after['audit']} audit entries"
        )
        check(
            after["families"] >= before["families"] and after["referrals"] >= before["referrals"],
            "every family and referral counted before the dump is restored",
        )
        missing = self.audit_before - self.audit_ids(restored)
        check(
            after["audit"] >= before["audit"] and not missing,
            "every audit entry counted before the dump is in the restored copy",
        )

    def audit_ids(self, url: str) -> set[int]:
        out = subprocess.run(
            [str(self.pg_bin / "psql"), "-At", "-d", url, "-c", "SELECT id FROM core_auditentry"],
            capture_output=True,
            text=True,
            check=True,
        )
        return {int(line) for line in out.stdout.split()}

    def count(self, url: str, audit_up_to: int | None = None) -> dict[str, int]:
        def one(sql: str) -> int:
            out = subprocess.run(
                [str(self.pg_bin / "psql"), "-At", "-d", url, "-c", sql], capture_output=True, text=True, check=True
            )
            return int(out.stdout.strip() or 0)

        result = {
            "families": one("SELECT count(*) FROM families_family"),
            "referrals": one("SELECT count(*) FROM referrals_referral"),
            "audit": one("SELECT count(*) FROM core_auditentry"),
            "audit_max": one("SELECT coalesce(max(id), 0) FROM core_auditentry"),
        }
        if audit_up_to is not None:
            result["audit_kept"] = one(f"SELECT count(*) FROM core_auditentry WHERE id <= {int(audit_up_to)}")
        return result

    # --- 2. faults -------------------------------------------------------------------------------------

    def fault_digests(self) -> None:
        """(a) kill -9 the worker in the middle of sending the digests; restart; every notice once."""
        print("\n2a. the job worker killed (kill -9) while sending digests")
        from django.utils import timezone
        from django_q.tasks import async_task

        from kansrijk.accounts.models import User
        from kansrijk.notify.models import Frequency as NoticeFrequency
        from kansrijk.notify.models import Notice, NoticePreference
        from kansrijk.referrals.models import Referral
        from kansrijk.vraagbaak.models import Frequency, Member

        referral = Referral.objects.exclude(status="concept").first()
        assert referral is not None
        now = timezone.now()
        people = User.objects.bulk_create(
            [
                User(email=f"digest{i}@digest.load.test", full_name=f"Digest {i}", password="!")  # noqa: S106  (unusable)
                for i in range(DIGEST_PEOPLE)
            ]
        )
        NoticePreference.objects.bulk_create(
            [NoticePreference(user=u, kind="referrals", frequency=NoticeFrequency.DAILY) for u in people]
            + [NoticePreference(user=u, kind="vraagbaak", frequency=NoticeFrequency.DAILY) for u in people]
        )
        notices = Notice.objects.bulk_create(
            [
                Notice(
                    user=u,
                    kind="referrals.status",
                    subject="Een verwijzing die je volgt heeft een nieuwe stap.",
                    link=f"/verwijzingen/{referral.pk}/",
                    family_id=referral.family_id,
                    object_type="referrals.referral",
                    object_id=str(referral.pk),
                    created_at=now,
                )
                for u in people
                for _ in range(2)
            ]
        )
        template = Member.objects.filter(state="goedgekeurd").first()
        assert template is not None
        member_people = people[: DIGEST_PEOPLE // 3]
        members = Member.objects.bulk_create(
            [
                Member(
                    user=u,
                    organisation=template.organisation,
                    function="Kraamverzorgende",
                    state="goedgekeurd",
                    frequency=Frequency.DAILY,
                )
                for u in member_people
            ]
        )
        member_notices = Notice.objects.bulk_create(
            [
                Notice(
                    user_id=m.user_id,
                    kind="vraagbaak.nieuw_antwoord",
                    subject="Nieuw antwoord op je vraag",
                    created_at=now,
                )
                for m in members
            ]
        )
        expected = len(notices) + len(member_notices)
        print(
            f"  pending: {len(notices)} referral notices of {len(people)} people, "
            f"{len(member_notices)} Vraagbaak notices"
        )
        async_task("kansrijk.notify.jobs.digest")
        wait_until(lambda: len(self.mails()) >= DIGEST_PEOPLE // 4, 120, "the digests started")
        self.kill_worker()
        sent_at_kill = len(self.mails())
        print(f"  killed the worker's process group after {sent_at_kill} digest emails")
        self.start_worker()
        async_task("kansrijk.notify.jobs.digest")  # the next scheduled run (the killed task may also come back)
        wait_until(
            lambda: not Notice.objects.filter(user__in=people, sent_at__isnull=True).exists(),
            300,
            "every notice marked sent",
        )
        time.sleep(2)
        mails = self.mails()
        per_person: dict[tuple[str, str], int] = {}
        lines = 0
        for to, subject, body in mails:
            per_person[(to, subject)] = per_person.get((to, subject), 0) + 1
            lines += sum(1 for line in body.splitlines() if line.startswith("- "))
        doubles = sum(n - 1 for n in per_person.values() if n > 1)
        emailed = {to for to, _subject, _body in mails}
        lost = sum(1 for u in people if u.email not in emailed)
        print(
            f"  after the restart: {len(mails)} digest emails carrying {lines} notices; {expected} notices were pending"
        )
        print(
            f"  {doubles} digest(s) sent twice: the one in flight when the worker died can go twice (accepted by the "
            "mail server, its commit lost); no other"
        )
        check(lines >= expected and lost == 0, f"no notice lost ({lost} people got nothing)")
        check(doubles <= 1, "no notice emailed twice, except at most the one email in flight at the kill")

    def mails(self) -> list[tuple[str, str, str]]:
        """(to, subject, body) of every email to the drill's digest people, from the file backend."""
        found = []
        for path in sorted(self.mail_dir.glob("*.log")):
            for raw in path.read_text(errors="replace").split("-" * 79):
                head, _, body = raw.partition("\n\n")
                to = next((line[4:].strip() for line in head.splitlines() if line.startswith("To: ")), "")
                subject = next((line[9:].strip() for line in head.splitlines() if line.startswith("Subject: ")), "")
                if to.endswith("@digest.load.test"):
                    found.append((to, subject, body))
        return found

    def fault_database(self) -> None:
        """(b) PostgreSQL stops for 10 seconds under load: 503 pages, then recovery without a restart."""
        print(f"\n2b. PostgreSQL stopped for {OUTAGE_SECONDS} s under load")
        from django.db import connections

        if not self.pg_data:
            check(False, "KANSRIJK_PG_DATA is not set (run through scripts/with_postgres.sh)")
            return
        opts = shlex.split(Path(self.pg_data, "postmaster.opts").read_text())[1:]
        opts = [o for i, o in enumerate(opts) if o != "-D" and (i == 0 or opts[i - 1] != "-D")]
        stop = threading.Event()
        seen: list[tuple[float, str, int, str]] = []

        def probe(host: str) -> None:
            session = requests.Session()
            session.headers["Authorization"] = f"Token {self.professional_token}"
            while not stop.is_set():
                for path in ("/kaart/?q=borstvoeding", "/api/v1/taken/"):
                    try:
                        r = session.get(host + path, timeout=20)
                        seen.append((time.monotonic(), path, r.status_code, r.text))
                    except requests.RequestException as error:
                        seen.append((time.monotonic(), path, 0, repr(error)))
                time.sleep(0.2)

        users = max(2, USERS // 5)
        locust = self.locust(users, 40, self.work / "outage")
        probes = [threading.Thread(target=probe, args=(h,), daemon=True) for h in HOSTS for _ in range(2)]
        for p in probes:
            p.start()
        time.sleep(10)
        down = time.monotonic()
        try:
            self.pg_ctl("-m", "fast", "stop")
            time.sleep(OUTAGE_SECONDS)
        finally:
            up = time.monotonic()
            log = str(Path(self.pg_data).parent / "restart.log")  # the cluster owner's folder
            self.pg_ctl("-l", log, "-w", "-o", " ".join(shlex.quote(o) for o in opts), "start")
            connections.close_all()  # this process's own connection died with the server too
        time.sleep(10)
        stop.set()
        for p in probes:
            p.join()
        locust.wait()
        with open(self.work / "outage_stats.csv", encoding="utf-8") as f:
            total = next(r for r in csv.DictReader(f) if r["Name"] == "Aggregated")
        with open(self.work / "outage_failures.csv", encoding="utf-8") as f:
            kinds = sorted({_error_kind(row["Error"]) for row in csv.DictReader(f)})
        print(
            f"  locust alongside ({users} users, 40 s): {total['Request Count']} requests, "
            f"{total['Failure Count']} failed: {'; '.join(kinds) or 'none'}"
        )
        during = [s for s in seen if down + 0.5 < s[0] < up]
        after = [s for s in seen if s[0] > up]
        statuses = sorted({s[2] for s in during})
        traced = [s for s in during if "Traceback" in s[3] or "OperationalError" in s[3] or s[2] == 500]
        print(f"  during the outage: {len(during)} requests, statuses {statuses}")
        check(bool(during) and all(s[2] == 503 for s in during), "every request during the outage got a 503")
        check(not traced, "no stack trace or 500 during the outage")
        check(
            any("niet bereikbaar" in s[3] for s in during),
            "the 503 page says (in Dutch) Kansrijk is briefly unavailable",
        )
        first_ok = next((s[0] for s in after if s[2] == 200), None)
        recovered = first_ok is not None and all(s[2] == 200 for s in after if s[0] > first_ok + 1)
        print(f"  back: first 200 {0 if first_ok is None else first_ok - up:.1f} s after PostgreSQL started")
        check(recovered, "the service recovered by itself (every request 200 again, no restart)")
        worker_alive = self.worker is not None and self.worker.poll() is None
        check(worker_alive, "the job worker survived the outage")

    def fault_accept_race(self, config: dict[str, Any]) -> None:
        """(c) Two people accept the same referral at the same moment, through the two processes."""
        print("\n2c. two people accept the same referral at once, through two processes")
        from kansrijk.referrals.models import ReferralEvent

        outcomes = []
        rounds = 10
        for _ in range(rounds):
            rid = self.sent_referral(config)
            barrier = threading.Barrier(2)
            results: list[int] = []

            def accept(
                host: str, key: str, rid: int = rid, barrier: threading.Barrier = barrier, results: list[int] = results
            ) -> None:
                session = requests.Session()
                session.headers["Authorization"] = f"Token {key}"
                barrier.wait()
                r = session.post(
                    f"{host}/api/v1/verwijzingen/{rid}/stappen/", json={"naar": "geaccepteerd"}, timeout=60
                )
                results.append(r.status_code)

            threads = [threading.Thread(target=accept, args=(HOSTS[i], self.receiver_tokens[i])) for i in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            events = ReferralEvent.objects.filter(referral_id=rid, to_status="geaccepteerd").count()
            outcomes.append((sorted(results), events))
        print(f"  {rounds} races: " + ", ".join(f"{r}" for r, _e in outcomes))
        check(
            all(r[0] == 200 and r[1] != 200 and r[1] < 500 and e == 1 for r, e in outcomes),
            "exactly one wins every time; the other is refused (no 500)",
        )

    def sent_referral(self, config: dict[str, Any]) -> int:
        s = requests.Session()
        s.headers["Authorization"] = f"Token {self.professional_token}"
        for family in config["families"][self.professional_token]:
            detail = s.get(f"{HOSTS[0]}/api/v1/gezinnen/{family}/", timeout=60).json()
            if not detail.get("caregivers"):
                continue
            made = s.post(
                f"{HOSTS[0]}/api/v1/gezinnen/{family}/verwijzingen/",
                json={"service": config["service"], "reason": "Hulp bij geldzorgen", "urgency": "normaal"},
                timeout=60,
            )
            if made.status_code != 201:
                continue
            rid: int = made.json()["id"]
            consent = s.post(
                f"{HOSTS[0]}/api/v1/gezinnen/{family}/toestemmingen/",
                json={
                    "given_by": detail["caregivers"][0]["id"],
                    "categories": config["categories"],
                    "method": "mondeling",
                    "valid_until": (datetime.now(tz=UTC).date() + timedelta(days=365)).isoformat(),
                    "referral": rid,
                },
                timeout=60,
            )
            sent = s.post(f"{HOSTS[0]}/api/v1/verwijzingen/{rid}/stappen/", json={"naar": "verstuurd"}, timeout=60)
            if consent.status_code == 201 and sent.status_code == 200:
                return rid
            print(f"  (family {family}: consent {consent.status_code} {consent.text[:300]}, sent {sent.status_code})")
        raise RuntimeError("no family to refer")


def _error_kind(error: str) -> str:
    """locust's error text, short: "HTTP 503" or the exception's name."""
    found = re.search(r"\b([45]\d\d) (Server|Client) Error", error)
    return f"HTTP {found.group(1)}" if found else error.split("(", 1)[0][:40]


def _status(url: str) -> int:
    try:
        return requests.get(url, timeout=10).status_code
    except requests.RequestException:
        return 0


def _top(host: str, words: str) -> str:
    """The first service the Kaart's search API finds for `words` ("" for none)."""
    results = requests.get(f"{host}/api/kaart/search/", params={"q": words}, timeout=120).json()["results"]
    return str(results[0]["service_id"]) if results else ""


def wait_until(condition: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise RuntimeError(f"timed out waiting until {what}")


if __name__ == "__main__":
    sys.exit(main())
