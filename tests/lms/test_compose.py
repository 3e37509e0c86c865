"""docker-compose.yml is valid and runs the five services with health checks and volumes."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVICES = {"web", "worker", "beat", "redis", "postgres"}


def test_compose_file_declares_every_service_with_a_health_check() -> None:
    config = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert set(config["services"]) == SERVICES
    for name, service in config["services"].items():
        assert "healthcheck" in service, f"{name} has no health check"
    assert {"media", "redis", "postgres"} <= set(config["volumes"])


def test_docker_compose_accepts_the_file() -> None:
    # `make test` installs Debian's docker-compose; the Docker v2 plugin is used where it exists.
    has_plugin = bool(shutil.which("docker")) and (
        subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0
    )
    if has_plugin:
        command = ["docker", "compose"]
    else:
        assert shutil.which("docker-compose"), "docker-compose is not installed: run `make test-setup`"
        command = ["docker-compose"]
    env = {**os.environ, "SECRET_KEY": secrets.token_urlsafe(64)}
    result = subprocess.run(
        [*command, "-f", str(ROOT / "docker-compose.yml"), "config", "--quiet"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
