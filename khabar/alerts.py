"""Alert delivery: one message per channel for each new or revised attack incident, never the same twice."""

from __future__ import annotations

import json
import logging
import smtplib
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from typing import Any

from sqlalchemy import Engine

from domain.errors import KhabarError
from domain.settings import Settings
from warehouse import queries
from warehouse.db import session_scope
from warehouse.schema import utcnow

logger = logging.getLogger(__name__)

Sender = Callable[[dict[str, Any], str], None]


class AlertError(KhabarError):
    """A channel refused or could not take the alert; it stays pending and is retried next run."""


def incident_text(incident: dict[str, Any], kind: str) -> str:
    """The one-line human summary that every channel carries."""
    what = (incident.get("attack_type") or incident.get("event_type") or "incident").replace("_", " ")
    where = ", ".join(p for p in (incident.get("district"), incident.get("province")) if p) or "Pakistan"
    toll = []
    if incident.get("killed") is not None:
        toll.append(f"{incident['killed']} killed")
    if incident.get("injured") is not None:
        toll.append(f"{incident['injured']} injured")
    group = incident.get("group") or "unknown"
    by = "" if group == "unknown" else f" — {group} ({'claimed' if incident.get('claimed') else 'blamed'})"
    prefix = "UPDATE: " if kind == "update" else ""
    casualties = ", ".join(toll) or "toll unknown"
    return f"{prefix}{what.capitalize()} in {where} on {incident['occurred_on']}: {casualties}{by}"


def alert_payload(incident: dict[str, Any], kind: str) -> dict[str, Any]:
    return {"incident_id": incident["id"], "kind": kind, **incident, "text": incident_text(incident, kind)}


def idempotency_key(incident_id: int, kind: str, revision: int) -> str:
    return f"{incident_id}:{kind}:{revision}"


def webhook_sender(url: str, timeout_s: float = 10.0) -> Sender:
    def send(payload: dict[str, Any], key: str) -> None:
        body = json.dumps(payload, default=str).encode("utf-8")
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Idempotency-Key": key,
                "User-Agent": "khabar-alerts",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout_s) as response:
                if response.status >= 300:
                    raise AlertError(f"webhook answered {response.status}")
        except urllib.error.HTTPError as exc:
            raise AlertError(f"webhook answered {exc.code}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise AlertError(f"webhook unreachable: {getattr(exc, 'reason', exc)}") from None

    return send


def email_sender(settings: Settings) -> Sender:
    def send(payload: dict[str, Any], key: str) -> None:
        message = EmailMessage()
        message["Subject"] = f"[khabar] {payload['text']}"
        message["From"] = settings.alert_email_from or "khabar@localhost"
        message["To"] = settings.alert_email_to or ""
        message["X-Idempotency-Key"] = key
        # The same alert always gets the same Message-ID, so a repeat after a lost acknowledgement is
        # one message to mail stores and clients that deduplicate on it.
        domain = message["From"].rpartition("@")[2].strip("> ") or "khabar.localhost"
        message["Message-ID"] = f"<alert.{key.replace(':', '.')}@{domain}>"
        message.set_content(payload["text"] + "\n\n" + json.dumps(payload, indent=2, default=str))
        try:
            with smtplib.SMTP(settings.smtp_host or "localhost", settings.smtp_port, timeout=10) as smtp:
                if settings.smtp_user and settings.smtp_password:
                    smtp.starttls()
                    smtp.login(settings.smtp_user, settings.smtp_password)
                smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as exc:
            raise AlertError(f"e-mail not sent: {exc}") from None

    return send


def configured_channels(settings: Settings) -> dict[str, Sender]:
    channels: dict[str, Sender] = {}
    if settings.alert_webhook_url:
        channels["webhook"] = webhook_sender(settings.alert_webhook_url)
    if settings.smtp_host and settings.alert_email_to:
        channels["email"] = email_sender(settings)
    return channels


@dataclass(frozen=True, slots=True)
class Delivered:
    """What one delivery did: alerts sent and failed, over how many configured channels, and the 'new' alerts
    held back because their incident is younger than the settle time (the first of them is due in
    `release_in_s` seconds)."""

    sent: int = 0
    failed: int = 0
    channels: int = 0
    held: int = 0
    release_in_s: float | None = None

    def as_dict(self) -> dict[str, int]:
        return {"sent": self.sent, "failed": self.failed, "channels": self.channels, "held": self.held}

    def then(self, later: Delivered) -> Delivered:
        """This delivery followed by a later one: sends add up, the later one says what failed and waits."""
        return Delivered(self.sent + later.sent, later.failed, later.channels, later.held, later.release_in_s)


def _settling(
    pending: list[queries.AlertCandidate], settle_s: float
) -> tuple[list[queries.AlertCandidate], list[queries.AlertCandidate]]:
    """(the alerts to send now, the 'new' alerts whose incident opened less than `settle_s` ago)."""
    if settle_s <= 0:
        return pending, []
    cutoff = utcnow() - timedelta(seconds=settle_s)
    ready: list[queries.AlertCandidate] = []
    unsettled: list[queries.AlertCandidate] = []
    for candidate in pending:
        recent = candidate.kind == "new" and candidate.opened_at is not None and candidate.opened_at > cutoff
        (unsettled if recent else ready).append(candidate)
    return ready, unsettled


def deliver_pending(
    engine: Engine, settings: Settings, channels: dict[str, Sender] | None = None, *, settle_s: float = 0.0
) -> Delivered:
    """Send every pending alert on every configured channel and record each outcome.

    Each alert is claimed in its own committed transaction before it is sent and recorded right after,
    so no two runs deliver the same alert, and a run killed mid-delivery leaves at most the one alert
    it had in flight to be sent again (after the claim timeout, with the same Idempotency-Key).

    With `settle_s`, a 'new' alert waits until its incident has stood that long: if a later report ties it
    to another incident of the same attack meanwhile, the merged one is never announced and the survivor
    is announced once. Updates never wait.
    """
    channels = configured_channels(settings) if channels is None else channels
    stale = timedelta(seconds=settings.alert_claim_timeout_s)
    sent = failed = 0
    held: list[queries.AlertCandidate] = []
    for channel, send in channels.items():
        with session_scope(engine) as session:
            offered = queries.pending_alerts(session, settings.alert_min_p_attack, channel)
            pending, unsettled = _settling(offered, settle_s)
            incidents = {row.id: row for row in queries.incidents_by_id(session, [p.incident_id for p in pending])}
        held.extend(unsettled)
        for candidate in pending:
            incident = incidents[candidate.incident_id].as_dict()
            key = idempotency_key(candidate.incident_id, candidate.kind, candidate.revision)
            with session_scope(engine) as session:
                claimed = queries.claim_alert(
                    session, candidate.incident_id, channel, candidate.kind, candidate.revision, stale_after=stale
                )
            if not claimed:
                logger.info("alert %s on %s is being sent by another run; skipped", key, channel)
                continue
            error: str | None = None
            try:
                send(alert_payload(incident, candidate.kind), key)
            except AlertError as exc:
                failed += 1
                logger.warning("alert %s on %s failed: %s", key, channel, exc)
                status, error = "failed", str(exc)
            else:
                sent += 1
                status = "sent"
            with session_scope(engine) as session:
                queries.record_alert(
                    session, candidate.incident_id, channel, candidate.kind, candidate.revision, status, error
                )
    if not held:
        return Delivered(sent, failed, len(channels))
    first = min(c.opened_at for c in held if c.opened_at is not None)
    release_in = max(0.0, settle_s - (utcnow() - first).total_seconds())
    return Delivered(sent, failed, len(channels), len({c.incident_id for c in held}), release_in)
