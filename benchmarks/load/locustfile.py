"""The load drill's scenario (locust): parents searching the Kaart, professionals working in family
files and referrals, the receiving side answering, and Vraagbaak members asking and answering.

Run by `benchmarks/load/drill.py`, which prepares the accounts (API tokens) and writes the JSON that
`LOAD_CONFIG` names: {"hosts": [...], "professionals": [...], "receivers": [...], "members": [...],
"families": {token: [ids]}, "service": "<uuid>", "factors": [...], "queries": [...]}. Every request
goes to 127.0.0.1 only; each simulated person sticks to one of the app's processes (hosts).
"""

from __future__ import annotations

import itertools
import json
import os
import random
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from locust import HttpUser, between, task

CONFIG: dict[str, Any] = json.loads(open(os.environ["LOAD_CONFIG"], encoding="utf-8").read())  # noqa: SIM115
_host = itertools.cycle(CONFIG["hosts"])
_professional = itertools.cycle(CONFIG["professionals"])
_member = itertools.cycle(CONFIG["members"])
_receiver = itertools.cycle(CONFIG["receivers"])
API = "/api/v1"


def _today() -> date:
    return datetime.now(tz=ZoneInfo("Europe/Amsterdam")).date()


class _Person(HttpUser):
    abstract = True
    host = CONFIG["hosts"][0]
    wait_time = between(1, 4)

    def on_start(self) -> None:
        self.client.base_url = next(_host)
        self.client.headers["X-Load-Drill"] = "1"

    def _auth(self, token: str) -> None:
        self.client.headers["Authorization"] = f"Token {token}"


class Parent(_Person):
    """Anonymous: the Kaart's page and its search API."""

    weight = 5

    @task(3)
    def kaart_page(self) -> None:
        self.client.get("/kaart/", params={"q": random.choice(CONFIG["queries"])}, name="/kaart/?q=[vraag]")

    @task(2)
    def kaart_api(self) -> None:
        self.client.get(
            "/api/kaart/search/", params={"q": random.choice(CONFIG["queries"])}, name="/api/kaart/search/?q=[vraag]"
        )


class Professional(_Person):
    """A professional in families' care teams: files, worklist, conversations, referrals."""

    weight = 3

    def on_start(self) -> None:
        super().on_start()
        self.token = next(_professional)
        self._auth(self.token)
        self.families: list[int] = CONFIG["families"][self.token]
        self.session = CONFIG.get("sessions", {}).get(self.token, "")
        if self.session:  # the same person in the browser
            self.client.cookies.set("sessionid", self.session)

    def _family(self) -> int:
        return random.choice(self.families)

    @task(4)
    def family_file(self) -> None:
        self.client.get(f"{API}/gezinnen/{self._family()}/", name=f"{API}/gezinnen/[id]/")

    @task(3)
    def family_page(self) -> None:
        if self.session:
            self.client.get(f"/gezinnen/{self._family()}/", name="/gezinnen/[id]/")

    @task(2)
    def worklist_page(self) -> None:
        if self.session:
            self.client.get("/taken/", name="/taken/")

    @task(2)
    def family_list(self) -> None:
        self.client.get(f"{API}/gezinnen/", name=f"{API}/gezinnen/")

    @task(3)
    def worklist(self) -> None:
        self.client.get(f"{API}/taken/", name=f"{API}/taken/")

    @task(1)
    def referrals_followed(self) -> None:
        self.client.get(f"{API}/verwijzingen/", name=f"{API}/verwijzingen/")

    @task(1)
    def record_conversation(self) -> None:
        factors = random.sample(CONFIG["factors"], k=min(3, len(CONFIG["factors"])))
        body = {
            "conversation_on": _today().isoformat(),
            "strengths_note": "Ouders zoeken zelf actief hulp.",
            "observations": [{"factor": f, "present": random.random() < 0.5} for f in factors],
        }
        self.client.post(
            f"{API}/gezinnen/{self._family()}/gesprekken/", json=body, name=f"{API}/gezinnen/[id]/gesprekken/"
        )

    @task(1)
    def refer(self) -> None:
        family = self._family()
        detail = self.client.get(f"{API}/gezinnen/{family}/", name=f"{API}/gezinnen/[id]/")
        caregivers = detail.json().get("caregivers", []) if detail.ok else []
        if not caregivers:
            return
        made = self.client.post(
            f"{API}/gezinnen/{family}/verwijzingen/",
            json={"service": CONFIG["service"], "reason": "Hulp bij geldzorgen", "urgency": "normaal"},
            name=f"{API}/gezinnen/[id]/verwijzingen/",
        )
        if made.status_code != 201:
            return
        referral = made.json()["id"]
        consent = {
            "given_by": caregivers[0]["id"],
            "categories": CONFIG["categories"],
            "method": "mondeling",
            "valid_until": (_today() + timedelta(days=365)).isoformat(),
            "referral": referral,
        }
        given = self.client.post(
            f"{API}/gezinnen/{family}/toestemmingen/", json=consent, name=f"{API}/gezinnen/[id]/toestemmingen/"
        )
        if given.status_code == 201:
            self.client.post(
                f"{API}/verwijzingen/{referral}/stappen/",
                json={"naar": "verstuurd"},
                name=f"{API}/verwijzingen/[id]/stappen/ (versturen)",
            )


class Receiver(_Person):
    """The receiving side (buurtteam): the inbox, and accepting what came in."""

    weight = 1

    def on_start(self) -> None:
        super().on_start()
        self._auth(next(_receiver))

    @task
    def answer(self) -> None:
        inbox = self.client.get(f"{API}/verwijzingen/inbox/", name=f"{API}/verwijzingen/inbox/")
        waiting = [r["id"] for r in (inbox.json() if inbox.ok else []) if r.get("status") == "verstuurd"]
        if not waiting:
            return
        referral = random.choice(waiting)
        self.client.get(f"{API}/verwijzingen/{referral}/", name=f"{API}/verwijzingen/[id]/")
        with self.client.post(
            f"{API}/verwijzingen/{referral}/stappen/",
            json={"naar": "geaccepteerd"},
            name=f"{API}/verwijzingen/[id]/stappen/ (accepteren)",
            catch_response=True,
        ) as response:
            if response.status_code == 400 and "de verwijzing is nu" in response.text:
                response.success()  # a colleague accepted it a moment earlier: refused, as it should be


class Member(_Person):
    """A Vraagbaak member: reading, answering, now and then asking (within the posting limits)."""

    weight = 2

    def on_start(self) -> None:
        super().on_start()
        self._auth(next(_member))
        self.asked = 0
        self.answered = 0

    @task(5)
    def questions(self) -> None:
        listed = self.client.get(f"{API}/vraagbaak/vragen/", name=f"{API}/vraagbaak/vragen/")
        rows = listed.json() if listed.ok else []
        rows = rows.get("results", rows) if isinstance(rows, dict) else rows
        if rows:
            pk = random.choice(rows)["id"]
            self.client.get(f"{API}/vraagbaak/vragen/{pk}/", name=f"{API}/vraagbaak/vragen/[id]/")
            published = [row["id"] for row in rows if row.get("state") == "gepubliceerd"]
            if published and self.answered < 5 and random.random() < 0.3:
                pk = random.choice(published)
                self.answered += 1
                self.client.post(
                    f"{API}/vraagbaak/vragen/{pk}/antwoorden/",
                    json={"text": "Het Buurtteam in het stadsdeel helpt hier snel mee; vraag naar de schuldhulp."},
                    name=f"{API}/vraagbaak/vragen/[id]/antwoorden/",
                )

    @task(1)
    def ask(self) -> None:
        if self.asked >= 1:
            return
        self.asked += 1
        self.client.post(
            f"{API}/vraagbaak/vragen/",
            json={
                "title": "Waar vindt een jonge vader in Zuidoost hulp bij opvoedvragen?",
                "text": "Een vader in Zuidoost heeft vragen over slapen en huilen van zijn baby. "
                "Wie kent een laagdrempelige plek in de buurt?",
            },
            name=f"{API}/vraagbaak/vragen/ (vragen)",
        )
