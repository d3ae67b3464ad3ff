"""Airflow-facing glue: khabar's one Settings object built from Airflow connections and Variables.

Precedence, per setting: the Airflow connection or Variable when it is defined (in the metadata database,
a secrets backend, or `AIRFLOW_CONN_*` / `AIRFLOW_VAR_*`), else the `KHABAR_*` environment variable, else
the default. Airflow is imported inside functions only: the CLI imports this module's siblings, never Airflow.

| setting | Airflow | environment fallback |
|---|---|---|
| warehouse | connection `khabar_warehouse` (postgres or sqlite) | `KHABAR_DATABASE_URL` |
| alert webhook | connection `khabar_alert_webhook` (http) | `KHABAR_ALERT_WEBHOOK_URL` |
| alert e-mail | connection `khabar_alert_smtp` (extras `from_email`, `to`) | `KHABAR_SMTP_*`, `KHABAR_ALERT_EMAIL_*` |
| sources file | Variable `khabar_sources_file` | `KHABAR_SOURCES_FILE`, else the repository's sources.yaml |
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

from crawlers.sources import SourcesError
from domain.redact import redact
from domain.settings import Settings, get_settings
from khabar.failures import SourceFailure

if TYPE_CHECKING:
    from khabar.alerts import Delivered

logger = logging.getLogger(__name__)

WAREHOUSE_CONN_ID = "khabar_warehouse"
ALERT_WEBHOOK_CONN_ID = "khabar_alert_webhook"
ALERT_SMTP_CONN_ID = "khabar_alert_smtp"
# Operators' notifications (a run with failures), not subscribers' alerts: khabar.notifiers.
OPS_WEBHOOK_CONN_ID = "khabar_ops_webhook"
OPS_SMTP_CONN_ID = "khabar_ops_smtp"
SOURCES_VARIABLE = "khabar_sources_file"
# The stages of one ingest run are separate tasks that take turns at the warehouse's writer lock (one per
# source, up to 4 at once): under Airflow they wait this long for it unless KHABAR_LOCK_WAIT_S says otherwise.
AIRFLOW_LOCK_WAIT_S = 240.0

# The repository's own sources.yaml (this file lives in <root>/khabar); the Docker image keeps the layout.
DEFAULT_SOURCES_FILE = Path(__file__).resolve().parent.parent / "sources.yaml"


class ConnectionLike(Protocol):
    """The fields of an Airflow connection that khabar reads (airflow.sdk.Connection has them all)."""

    conn_type: str | None
    host: str | None
    schema: str | None
    login: str | None
    password: str | None
    port: int | None
    extra: str | None


class ConfigurationError(ValueError):
    """An Airflow connection or Variable khabar reads holds something it cannot use."""


def extras(conn: ConnectionLike) -> dict[str, Any]:
    if not conn.extra:
        return {}
    try:
        value = json.loads(conn.extra)
    except ValueError:
        raise ConfigurationError("the connection's extra field is not JSON") from None
    return value if isinstance(value, dict) else {}


def warehouse_url(conn: ConnectionLike) -> str:
    """A SQLAlchemy URL from a postgres or sqlite connection (extra `sqlalchemy_url` overrides both)."""
    from sqlalchemy.engine import URL

    override = extras(conn).get("sqlalchemy_url")
    if override:
        return str(override)
    kind = (conn.conn_type or "").lower()
    if kind in ("postgres", "postgresql"):
        if not conn.host:
            raise ConfigurationError(f"connection {WAREHOUSE_CONN_ID} has no host")
        url = URL.create(
            "postgresql+psycopg2",
            username=conn.login or None,
            password=conn.password or None,
            host=conn.host,
            port=conn.port or None,
            database=conn.schema or None,
        )
        return url.render_as_string(hide_password=False)
    if kind == "sqlite":
        # Airflow's sqlite connection keeps the file path in `host`.
        if not conn.host:
            raise ConfigurationError(f"connection {WAREHOUSE_CONN_ID} (sqlite) has no file path in host")
        return f"sqlite:///{conn.host}"
    raise ConfigurationError(f"connection {WAREHOUSE_CONN_ID} must be of type postgres or sqlite, not {kind!r}")


def http_url(conn: ConnectionLike) -> str:
    """The URL an http connection names.

    A host that is a whole URL is used as it is (the form for a chat webhook whose path is its token).
    Otherwise scheme://host[:port]/path, where the scheme is the schema field when it says http/https (as
    Airflow's HttpHook reads it) and the path is the extra `endpoint`, or the schema field when that holds a
    path (what Airflow makes of a URI such as `http://127.0.0.1:9000/alerts`).
    """
    host = (conn.host or "").strip()
    if not host:
        raise ConfigurationError("the http connection has no host")
    if "://" in host:
        return host
    schema = (conn.schema or "").strip()
    kind = (conn.conn_type or "").lower()
    scheme = schema if schema in ("http", "https") else (kind if kind in ("http", "https") else "https")
    endpoint = str(extras(conn).get("endpoint") or (schema if schema not in ("http", "https") else ""))
    userinfo = ""
    if conn.login:
        userinfo = quote(conn.login, safe="") + (":" + quote(conn.password, safe="") if conn.password else "") + "@"
    port = f":{conn.port}" if conn.port else ""
    return f"{scheme}://{userinfo}{host}{port}/{endpoint.lstrip('/')}"


def smtp_settings(conn: ConnectionLike) -> dict[str, Any]:
    """Settings fields for e-mail alerts from an smtp connection (extras `from_email` and `to`)."""
    extra = extras(conn)
    values: dict[str, Any] = {"smtp_host": conn.host, "smtp_user": conn.login, "smtp_password": conn.password}
    if conn.port:
        values["smtp_port"] = conn.port
    if extra.get("from_email"):
        values["alert_email_from"] = extra["from_email"]
    if extra.get("to"):
        to = extra["to"]
        values["alert_email_to"] = ", ".join(to) if isinstance(to, list) else str(to)
    return values


def get_connection(conn_id: str) -> ConnectionLike | None:
    """The Airflow connection, or None when it is not defined anywhere Airflow looks."""
    from airflow.sdk import Connection
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        conn: ConnectionLike = Connection.get(conn_id)
    except AirflowNotFoundException:
        return None
    return conn


def get_variable(key: str) -> str | None:
    from airflow.sdk import Variable

    value = Variable.get(key, default=None)
    return None if value in (None, "") else str(value)


def settings_from_airflow(base: Settings | None = None) -> Settings:
    """khabar's Settings under Airflow: connections and Variables over the environment (see the table above).

    Call it inside a task (connections and Variables come through the task's execution API). Every secret
    that results is registered with Airflow's log masker as well as khabar's own.
    """
    base = base or get_settings()
    update: dict[str, Any] = {}
    try:
        if (conn := get_connection(WAREHOUSE_CONN_ID)) is not None:
            update["database_url"] = warehouse_url(conn)
        if (conn := get_connection(ALERT_WEBHOOK_CONN_ID)) is not None:
            update["alert_webhook_url"] = http_url(conn)
        if (conn := get_connection(ALERT_SMTP_CONN_ID)) is not None:
            update |= smtp_settings(conn)
    except ConfigurationError as exc:
        raise ConfigurationError(f"Airflow connection: {exc}") from None
    if (path := get_variable(SOURCES_VARIABLE)) is not None:
        update["sources_file"] = Path(path)
    if "lock_wait_s" not in base.model_fields_set:
        update["lock_wait_s"] = AIRFLOW_LOCK_WAIT_S
    settings = Settings.model_validate(base.model_dump() | update) if update else base
    _mask(settings.secrets)
    return settings


def sources_file(settings: Settings) -> Path:
    """The sources file a scheduled run crawls."""
    return settings.sources_file or DEFAULT_SOURCES_FILE


def _mask(secrets: list[str]) -> None:
    try:
        from airflow.sdk.log import mask_secret
    except ImportError:  # pragma: no cover - only ever called under Airflow
        return
    for secret in secrets:
        mask_secret(secret)


# ------------------------------------------------------------------------------------ failures of a run

FAILURE_KEY = "failure"
_MAPPED_KEY = re.compile(r"^(?P<task>.+)_(?P<index>\d+)$")


class AlertDeliveryFailed(RuntimeError):
    """Some alerts could not be delivered; they are recorded (alerts.status 'failed') and retried later."""


@contextmanager
def reporting_failure(context: Any, source: str | None = None, secrets: list[str] | None = None) -> Iterator[None]:
    """Run a task's body; on failure push why to XCom (key `failure`) for `check_run`, then re-raise.

    A permanent SourceFailure becomes AirflowFailException, so Airflow fails the task at once instead of
    retrying what cannot succeed; anything else keeps the task's retries (with backoff).
    """
    try:
        yield
    except SourceFailure as failure:
        context["ti"].xcom_push(key=FAILURE_KEY, value=failure.as_dict())
        if failure.permanent:
            from airflow.sdk.exceptions import AirflowFailException

            raise AirflowFailException(failure.message) from None
        raise
    except (ConfigurationError, SourcesError) as exc:
        from airflow.sdk.exceptions import AirflowFailException

        detail = redact(str(exc), secrets or [])
        record = {"source": source, "reason": "bad_configuration", "detail": detail, "permanent": True}
        context["ti"].xcom_push(key=FAILURE_KEY, value=record)
        raise AirflowFailException(f"bad configuration: {detail}") from None
    except Exception as exc:
        # A task may be failed by Airflow itself too (AirflowFailException, timeouts): say what it said.
        detail = redact(" ".join(str(exc).split()) or type(exc).__name__, secrets or [])
        record = {"source": source, "reason": type(exc).__name__, "detail": detail, "permanent": False}
        context["ti"].xcom_push(key=FAILURE_KEY, value=record)
        raise


@dataclass(slots=True)
class RunProblems:
    """What went wrong in one ingest run: failed sources and failed stages, each with its reason."""

    dag_id: str
    run_id: str
    problems: list[dict[str, Any]] = field(default_factory=list)

    @property
    def failed_sources(self) -> list[str]:
        return [str(p["source"]) for p in self.problems if p["task"].endswith("crawl") and p.get("source")]

    @property
    def text(self) -> str:
        sources = self.failed_sources
        stages = len(self.problems) - len(sources)
        head = f"{self.dag_id} run {self.run_id} failed: {len(sources)} source(s)"
        head += f" ({', '.join(sources)})" if sources else ""
        head += f", {stages} other task(s)"
        return "\n".join([head, *(_problem_line(p) for p in self.problems)])

    def as_dict(self) -> dict[str, Any]:
        return {"dag_id": self.dag_id, "run_id": self.run_id, "problems": self.problems, "text": self.text}


def run_problems(
    dag_id: str,
    run_id: str,
    states: dict[str, str | None],
    sources: list[str] | None,
    failures: dict[str, dict[str, Any] | None],
    *,
    ignore: tuple[str, ...] = (),
) -> RunProblems:
    """The failed task instances of a run (by the states Airflow reports, keyed `task` or `task_<index>`).

    `failures` holds what each failed task pushed under the same keys; `sources` names the map indexes.
    Tasks that only did not run because something upstream failed are left out: their cause is listed.
    """
    report = RunProblems(dag_id, run_id)
    for key in sorted(states, key=_state_order):
        state = states[key]
        if state != "failed":
            continue
        match = _MAPPED_KEY.match(key)
        task, index = (match["task"], int(match["index"])) if match else (key, None)
        if task in ignore:
            continue
        source = sources[index] if sources is not None and index is not None and index < len(sources) else None
        pushed = failures.get(key) or {}
        report.problems.append(
            {
                "task": task,
                "map_index": index,
                "source": pushed.get("source") or source,
                "reason": pushed.get("reason") or "unknown",
                "detail": pushed.get("detail") or "the task failed without recording why (see its log)",
                "permanent": bool(pushed.get("permanent")),
                "failed_reasons": pushed.get("failed_reasons") or {},
            }
        )
    return report


def _state_order(key: str) -> tuple[str, int]:
    match = _MAPPED_KEY.match(key)
    return (match["task"], int(match["index"])) if match else (key, -1)


def _problem_line(problem: dict[str, Any]) -> str:
    who = f"source {problem['source']}" if problem["task"].endswith("crawl") else f"task {problem['task']}"
    if not problem["task"].endswith("crawl") and problem.get("source"):
        who += f" [{problem['source']}]"
    kind = " (permanent: not retried)" if problem.get("permanent") else ""
    counts = ", ".join(f"{k}={v}" for k, v in sorted(problem.get("failed_reasons", {}).items()))
    return f"- {who}: {problem['reason']}{kind}: {problem['detail']}" + (f" [failed: {counts}]" if counts else "")


# ------------------------------------------------------------------------------ what the DAG's tasks call


def selected_sources(path: str | Path, wanted: list[str]) -> list[str]:
    """Every enabled source in the file, or (a manual run's `sources` param) just the ones named."""
    from khabar.pipeline import enabled_sources

    enabled = enabled_sources(path)
    if not wanted:
        return enabled
    unknown = [name for name in wanted if name not in enabled]
    if unknown:
        raise ConfigurationError(f"not enabled sources in {path}: {', '.join(unknown)}")
    return [name for name in enabled if name in set(wanted)]


def realert_range(settings: Settings, params: dict[str, Any]) -> int:
    """Reopen the alerts of incidents that occurred in the params' date range (0 when none is given)."""
    from khabar.pipeline import warehouse_session
    from warehouse.lock import writer_lock
    from warehouse.replay import reopen_alerts

    since_text, until_text = params.get("realert_since"), params.get("realert_until")
    if not since_text and not until_text:
        return 0
    try:
        since = date.fromisoformat(str(since_text or until_text))
        until = date.fromisoformat(str(until_text or since_text))
    except ValueError:
        raise ConfigurationError(
            f"realert_since/realert_until must be dates, not {since_text!r}/{until_text!r}"
        ) from None
    if since > until:
        raise ConfigurationError(f"realert_since ({since}) is after realert_until ({until})")
    url = settings.effective_database_url
    with writer_lock(url, wait_s=settings.lock_wait_s), warehouse_session(url) as session:
        return reopen_alerts(session, since, until)


def deliver_alerts(settings: Settings) -> Delivered:
    """Send the pending alerts; raise AlertDeliveryFailed (after recording each failure) if any failed.

    A 'new' alert whose incident opened less than KHABAR_ALERT_SETTLE_S ago waits for it (other sources'
    tasks of the run may still bring a report that ties it to another incident); none waits longer than
    that from the task's start, and the warehouse is not held while it waits.
    """
    from khabar.pipeline import send_alerts

    deadline = time.monotonic() + settings.alert_settle_s
    result = send_alerts(None, settings, settle_s=settings.alert_settle_s)
    while result.release_in_s is not None:
        left = deadline - time.monotonic()
        if left > 0:
            time.sleep(min(result.release_in_s, left) + 0.05)
        settle = settings.alert_settle_s if time.monotonic() < deadline else 0.0
        result = result.then(send_alerts(None, settings, settle_s=settle))
    if result.failed:
        raise AlertDeliveryFailed(
            f"{result.failed} alert(s) could not be delivered, {result.sent} sent "
            "(recorded with their errors in the alerts table; sent again by the next try or run)"
        )
    return result


def incident_changes(resolved: list[dict[str, Any] | None] | dict[str, Any]) -> dict[str, Any]:
    """The incidents the run's crawl and resolve tasks created or revised, from their return values (or the
    one's): a resolve task's `new` and `updated`, a crawl task's under `passes` (the batches it processed while
    it crawled)."""
    if isinstance(resolved, dict):
        resolved = [resolved]
    resolved = [r.get("passes", r) if r else r for r in resolved]
    new = sorted({int(i) for r in resolved if r for i in r.get("new", [])})
    updated = sorted({int(i) for r in resolved if r for i in r.get("updated", [])} - set(new))
    return {"new": len(new), "updated": len(updated), "incidents": new + updated}


def check_run_problems(context: Any) -> dict[str, Any]:
    """`check_run`: fail (AirflowFailException, so no retry) naming every failed task, else report success."""
    from airflow.sdk.exceptions import AirflowFailException

    from khabar.notifiers import SUMMARY_KEY

    ti = context["ti"]
    states = ti.get_task_states(dag_id=ti.dag_id, run_ids=[ti.run_id]).get(ti.run_id, {})
    states = {key: value for key, value in states.items() if key != ti.task_id}
    failures: dict[str, dict[str, Any] | None] = {}
    for key, state in states.items():
        if state != "failed":
            continue
        match = _MAPPED_KEY.match(key)
        task_id, index = (match["task"], int(match["index"])) if match else (key, -1)
        failures[key] = ti.xcom_pull(task_ids=task_id, key=FAILURE_KEY, map_indexes=index)
    sources = ti.xcom_pull(task_ids="list_sources", map_indexes=-1)
    report = run_problems(ti.dag_id, ti.run_id, states, sources if isinstance(sources, list) else None, failures)
    if report.problems:
        ti.xcom_push(key=SUMMARY_KEY, value=report.as_dict())
        raise AirflowFailException(report.text)
    return {"failed": 0, "tasks": len(states)}


def report_window(start: datetime | None, end: datetime | None, run_after: datetime) -> tuple[date, date]:
    """The inclusive days a report run covers: its data interval [start, end), else run_after's UTC day.

    Asset-triggered runs have no data interval: they report the current UTC day so far.
    """
    if start is not None and end is not None and end > start:
        last = (end - timedelta(microseconds=1)).astimezone(UTC).date()
        return start.astimezone(UTC).date(), last
    day = run_after.astimezone(UTC).date()
    return day, day
