"""Operators' notifications through Airflow's notifier mechanism: a chat/webhook notifier and an e-mail one.

Both are failure callbacks of the ingest DAG's last task, `check_run`, which fails when a source or a stage
of the run failed; its message (failing sources and their reasons) is what they send. Each is configured by
an Airflow connection and stays silent, with one log line, when that connection is not defined:

- `khabar_ops_webhook` (http): POSTs `{"text": ..., "khabar": {...}}` — the `text` field is what Slack,
  Mattermost and Rocket.Chat incoming webhooks show; the rest is for programs.
- `khabar_ops_smtp` (smtp, the SMTP provider's own connection: host, port, login, password, extras
  `from_email`, `disable_ssl`, `disable_tls`) plus the extra `to` (an address or a list).

Only the DAG files import this module (it imports Airflow); the khabar CLI never does.
"""

from __future__ import annotations

import html
import json
import urllib.error
import urllib.request
from typing import Any

from airflow.providers.smtp.notifications.smtp import SmtpNotifier
from airflow.sdk import BaseNotifier

SUMMARY_KEY = "summary"


def run_failure(context: Any) -> dict[str, Any]:
    """What failed in the run, as `check_run` pushed it (falls back to the task's exception)."""
    ti = context.get("ti")
    summary: Any = None
    if ti is not None:
        try:
            summary = ti.xcom_pull(task_ids=ti.task_id, key=SUMMARY_KEY)
        except Exception:  # a notifier must still say something when XCom is unreadable
            summary = None
    if isinstance(summary, list):  # xcom_pull of a key can come back as a one-element sequence
        summary = summary[0] if summary else None
    if isinstance(summary, dict) and summary.get("text"):
        return summary
    dag_run = context.get("dag_run")
    exception = context.get("exception")
    return {
        "dag_id": getattr(dag_run, "dag_id", None),
        "run_id": getattr(dag_run, "run_id", None),
        "text": f"khabar run failed: {exception or 'see the task log'}",
        "problems": [],
    }


class WebhookNotifier(BaseNotifier):
    """POST the run's failure report to the chat/webhook URL of an http connection."""

    template_fields = ("conn_id",)

    def __init__(self, conn_id: str = "khabar_ops_webhook", timeout_s: float = 10.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.conn_id = conn_id
        self.timeout_s = timeout_s

    def notify(self, context: Any) -> None:
        from khabar.orchestration import get_connection, http_url

        conn = get_connection(self.conn_id)
        if conn is None:
            self.log.info("connection %s is not defined: no webhook notification", self.conn_id)
            return
        failure = run_failure(context)
        body = json.dumps({"text": failure["text"], "khabar": failure}, default=str).encode("utf-8")
        request = urllib.request.Request(
            http_url(conn),
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "User-Agent": "khabar-airflow-notifier"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"webhook notification refused: HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise RuntimeError(f"webhook notification not sent: {getattr(exc, 'reason', exc)}") from None
        self.log.info("webhook notification sent (HTTP %s) via %s", status, self.conn_id)


class EmailNotifier(SmtpNotifier):
    """The SMTP provider's notifier, addressed from its connection (extra `to`), silent when it is undefined."""

    def __init__(self, conn_id: str = "khabar_ops_smtp", **kwargs: Any) -> None:
        super().__init__(to=[], smtp_conn_id=conn_id, subject="khabar run failed", html_content="", **kwargs)
        self.conn_id = conn_id

    def notify(self, context: Any) -> None:
        from khabar.orchestration import extras, get_connection

        conn = get_connection(self.conn_id)
        if conn is None:
            self.log.info("connection %s is not defined: no e-mail notification", self.conn_id)
            return
        to = extras(conn).get("to")
        if not to:
            self.log.warning("connection %s has no extra 'to': no e-mail notification", self.conn_id)
            return
        failure = run_failure(context)
        self.to = to
        first_line = str(failure["text"]).splitlines()[0]
        self.subject = f"[khabar] {first_line}"
        self.html_content = f"<pre>{html.escape(str(failure['text']))}</pre>"
        super().notify(context)
        self.log.info("e-mail notification sent via %s", self.conn_id)
