"""docker-compose.yml and docker/: the services, gates, health checks, secrets and ports are as intended."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "docker" / "Dockerfile"

AIRFLOW_SERVICES = (
    "airflow-init",
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "airflow-worker",
)
LONG_RUNNING_AIRFLOW = tuple(s for s in AIRFLOW_SERVICES if s != "airflow-init")
# Where a port may be published, always on loopback: the UI/API, and the warehouse for local analysts.
PUBLISHED = {"airflow-apiserver": 8080, "postgres": 5432}
SECRET_NAME = re.compile(r"(PASSWORD|SECRET|_KEY)$")
PLACEHOLDER = re.compile(r"\$\{(?P<name>[A-Z0-9_]+)(?P<op>:?[-?])?(?P<rest>[^}]*)\}")


@pytest.fixture(scope="module")
def raw() -> str:
    return COMPOSE_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def compose(raw: str) -> dict[str, Any]:
    return dict(yaml.safe_load(raw))


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return dict(compose["services"])


def _env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {str(k): str(v) for k, v in env.items()}


def test_required_services_present(services: dict[str, dict[str, Any]]) -> None:
    assert {"postgres", "redis", *AIRFLOW_SERVICES} <= set(services)


def test_airflow_services_share_one_image_and_environment(
    raw: str, compose: dict[str, Any], services: dict[str, dict[str, Any]]
) -> None:
    common = compose["x-airflow-common"]
    shared_env = {str(k): str(v) for k, v in compose["x-airflow-env"].items()}
    for name in AIRFLOW_SERVICES:
        block = re.search(rf"^  {re.escape(name)}:\n((?:    .*\n|\n)*)", raw, re.M)
        assert block and "<<: *airflow-common" in block.group(1), f"{name} does not merge the common anchor"
        service = services[name]
        assert service["image"] == common["image"], name
        assert service["build"] == common["build"], name
        env = _env(service)
        assert {k: env.get(k) for k in shared_env} == shared_env, f"{name} overrides the shared environment"
    assert common["build"]["dockerfile"] == "docker/Dockerfile"


def test_celery_executor_with_redis_broker_and_postgres_metadata(compose: dict[str, Any]) -> None:
    env = {str(k): str(v) for k, v in compose["x-airflow-env"].items()}
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://")
    assert "@redis:6379/" in env["AIRFLOW__CELERY__BROKER_URL"]
    assert env["AIRFLOW__CELERY__RESULT_BACKEND"].startswith("db+postgresql://")
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql")
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].endswith("@postgres:5432/airflow")
    assert env["KHABAR_DATABASE_URL"].endswith("@postgres:5432/khabar")
    # The DAGs take the warehouse from an Airflow connection and the sources file from a Variable.
    assert env["AIRFLOW_CONN_KHABAR_WAREHOUSE"].startswith("postgresql://khabar:")
    assert env["AIRFLOW_CONN_KHABAR_WAREHOUSE"].endswith("@postgres:5432/khabar")
    assert env["AIRFLOW_VAR_KHABAR_SOURCES_FILE"] == env["KHABAR_SOURCES_FILE"]
    assert env["AIRFLOW__CORE__LOAD_EXAMPLES"] == "False"
    # Workers must reach the api-server's execution API and share its JWT secret.
    assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://airflow-apiserver:8080/execution/"
    assert "AIRFLOW__API_AUTH__JWT_SECRET" in env
    for key in ("KHABAR_SOURCES_FILE", "KHABAR_DATABASE_URL", "AIRFLOW__CORE__DAGS_FOLDER"):
        assert env.get(key), key


def test_service_commands(services: dict[str, dict[str, Any]]) -> None:
    commands = {name: " ".join(services[name]["command"]) for name in AIRFLOW_SERVICES}
    assert commands["airflow-apiserver"] == "airflow api-server"
    assert commands["airflow-scheduler"] == "airflow scheduler"
    assert commands["airflow-dag-processor"] == "airflow dag-processor"
    assert commands["airflow-triggerer"] == "airflow triggerer"
    assert commands["airflow-worker"] == "airflow celery worker"
    assert commands["airflow-init"].endswith("docker/airflow-init.sh")
    init_script = ROOT / "docker" / "airflow-init.sh"
    assert "airflow db migrate" in init_script.read_text(encoding="utf-8")


def test_depends_on_gates(services: dict[str, dict[str, Any]]) -> None:
    for name in AIRFLOW_SERVICES:
        deps = services[name]["depends_on"]
        assert deps["postgres"]["condition"] == "service_healthy", name
        assert deps["redis"]["condition"] == "service_healthy", name
        if name != "airflow-init":
            assert deps["airflow-init"]["condition"] == "service_completed_successfully", name
    assert services["airflow-worker"]["depends_on"]["airflow-apiserver"]["condition"] == "service_healthy"
    assert services["airflow-init"].get("restart") == "no"


def test_healthchecks(services: dict[str, dict[str, Any]]) -> None:
    for name in ("postgres", "redis", *LONG_RUNNING_AIRFLOW):
        check = services[name].get("healthcheck")
        assert check and check.get("test"), f"{name} has no healthcheck"
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert "ping" in " ".join(services["redis"]["healthcheck"]["test"])
    assert "/api/v2/monitor/health" in " ".join(services["airflow-apiserver"]["healthcheck"]["test"])


def test_postgres_creates_both_databases(services: dict[str, dict[str, Any]]) -> None:
    postgres = services["postgres"]
    assert str(postgres["image"]).split(":")[1].startswith("15")
    mounts = [m for m in postgres["volumes"] if isinstance(m, str) and "docker-entrypoint-initdb.d" in m]
    assert len(mounts) == 1
    script = ROOT / mounts[0].split(":")[0]
    text = script.read_text(encoding="utf-8")
    assert re.search(r"create_database airflow ", text) and re.search(r"create_database khabar ", text)
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_ports_only_where_intended_and_on_loopback(services: dict[str, dict[str, Any]]) -> None:
    published = {name: service["ports"] for name, service in services.items() if service.get("ports")}
    assert set(published) == set(PUBLISHED)
    for name, ports in published.items():
        for port in ports:
            parts = re.fullmatch(r"(?P<ip>[^:]+):(?P<host>\$\{[^}]*\}|\d+):(?P<container>\d+)", str(port))
            assert parts, f"{name} publishes {port} without a host address"
            assert parts["ip"] == "127.0.0.1", f"{name} publishes {port} beyond loopback"
            assert int(parts["container"]) == PUBLISHED[name]


def test_no_hard_coded_non_loopback_ips(raw: str) -> None:
    for ip in re.findall(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])", raw):
        assert ip.startswith("127."), f"hard-coded address {ip}"


def test_secrets_come_from_the_environment(raw: str, compose: dict[str, Any]) -> None:
    # Any secret-looking variable is required (`:?`) or optional with an empty default (channel off).
    for match in PLACEHOLDER.finditer(raw):
        if SECRET_NAME.search(match["name"]):
            assert match["op"] in (":?", "?") or (match["op"] in (":-", "-") and match["rest"] == ""), (
                f"{match.group(0)} gives a secret a default"
            )
    # No literal password inside a connection URL, and no literal secret value.
    for url in re.findall(r"[a-z+]+://[^\s\"']+", raw):
        credentials = re.match(r"[a-z+]+://([^@/]*)@", url)
        if credentials and ":" in credentials.group(1):
            assert credentials.group(1).split(":", 1)[1].startswith("${"), f"literal password in {url}"
    for service in compose["services"].values():
        for key, value in _env(service).items():
            if SECRET_NAME.search(key) and value:
                assert value.startswith("${"), f"literal secret {key}"


def test_images_and_build_name_no_registry_host(raw: str, compose: dict[str, Any]) -> None:
    for name, service in compose["services"].items():
        first = str(service["image"]).split("/")[0]
        assert "." not in first.split(":")[0] or first.startswith("${"), f"{name} image names a registry host"
    dockerfile = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, re.M)
    assert re.search(r'pip install torch==2\.13\.0 --index-url "?\$\{TORCH_INDEX_URL\}"?', dockerfile)
    assert "-c constraints.txt" in dockerfile
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    assert re.search(r"^apache-airflow-providers-celery==", constraints, re.M)  # the image's pins include Celery
    for text in (raw, dockerfile):
        hosts = re.findall(r"https?://([^/\s:\"']+)", text)
        assert set(hosts) <= {"localhost", "127.0.0.1", "airflow-apiserver"}, hosts


def test_dags_folder_matches_the_image_layout(compose: dict[str, Any]) -> None:
    dags = compose["x-airflow-env"]["AIRFLOW__CORE__DAGS_FOLDER"]
    mounts = [m for m in compose["x-airflow-common"]["volumes"] if isinstance(m, str)]
    assert f"./dags:{dags}:ro" in mounts
    assert f"AIRFLOW__CORE__DAGS_FOLDER={dags}" in DOCKERFILE.read_text(encoding="utf-8")


def _compose_command() -> list[str] | None:
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True, text=True, check=False)
        if probe.returncode == 0:
            return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


def test_docker_compose_config_accepts_the_file(raw: str, tmp_path: Path) -> None:
    """`docker compose config` validates against the Compose spec; it needs no engine."""
    command = _compose_command()
    if command is None:
        pytest.skip("docker compose is not installed here (neither the plugin nor docker-compose)")
    required = sorted({m["name"] for m in PLACEHOLDER.finditer(raw) if m["op"] in (":?", "?")})
    env_file = tmp_path / "test.env"
    env_file.write_text("".join(f"{name}=test-{name.lower()}\n" for name in required), encoding="utf-8")
    options = ["--project-directory", str(ROOT), "-f", str(COMPOSE_FILE), "--env-file", str(env_file)]
    result = subprocess.run(
        [*command, *options, "config", "--quiet"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if result.returncode != 0 and "bind source path does not exist" in result.stderr:
        pytest.skip(f"compose config needs ./sources.yaml at the repository root: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr


def _interpolated(raw: str) -> dict[str, Any]:
    """The file as compose would read it: `${VAR:-default}` → default, required `${VAR:?…}` → a test
    value, `$$` → `$`, and YAML merge keys (`<<: *anchor`) resolved."""

    def value(m: re.Match[str]) -> str:
        return m["rest"] if m["op"] in (":-", "-") else f"test-{m['name'].lower()}"

    return dict(yaml.safe_load(PLACEHOLDER.sub(value, raw).replace("$$", "$")))


def _spec_errors(data: dict[str, Any]) -> str | None:
    """What the Compose Specification parser (compose-spec, the compose_spec crate) rejects, if anything."""
    from compose_spec import PyCompose

    try:
        PyCompose.from_json(json.dumps(data))
    except ValueError as exc:
        return str(exc)
    return None


def test_the_file_follows_the_compose_specification(raw: str) -> None:
    """Validated without a Docker engine or the compose CLI, so it runs on every machine."""
    data = _interpolated(raw)
    assert _spec_errors(data) is None
    # The validator is strict enough to catch the mistakes a hand edit makes.
    broken: list[dict[str, Any]] = [copy.deepcopy(data) for _ in range(4)]
    broken[0]["services"]["postgres"]["depens_on"] = {}
    broken[1]["services"]["postgres"]["ports"] = ["127.0.0.1:five-four-three-two:5432"]
    broken[2]["services"]["postgres"]["healthcheck"]["interval"] = "ten seconds"
    gated = next(s for s in broken[3]["services"].values() if isinstance(s.get("depends_on"), dict))
    next(iter(gated["depends_on"].values()))["condition"] = "service_ready"
    for bad in broken:
        assert _spec_errors(bad) is not None
