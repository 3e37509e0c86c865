"""Real processes for the fault tests: a Redis server, Celery workers sharing the test database, media
on disk (or on a disk made read-only), and the learners who claim credit (through
tests/certificates/journey.py).

The workers see committed data only: every test here is transactional.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from courses.models import CoursePage
from lms.accounts.models import User
from tests.factories import EVALUATION, publish, ready_to_claim
from tests.faults.postgres import PreparedCluster
from tests.processes import use_media

TIMEOUT = 40  # seconds for any one step, generously: a render takes a fraction of a second

# The PostgreSQL restart test's own cluster, migrated and seeded while the other tests run.
OUTAGE_CLUSTER = PreparedCluster()
OUTAGE_TEST_FILE = "test_postgres_restart.py"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if any(item.path.name == OUTAGE_TEST_FILE for item in items):
        OUTAGE_CLUSTER.begin()


def pytest_sessionfinish() -> None:
    OUTAGE_CLUSTER.close()


@pytest.fixture(scope="session")
def outage_cluster_url() -> str:
    """The URL of the restart test's own cluster, once migrated and seeded."""
    return OUTAGE_CLUSTER.wait()


@dataclass
class MediaDisk:
    """A media directory that a test can make read-only and writable again, for real.

    How, depends on what this machine allows (``how`` says which, for the test's messages):
    - "read-only mount": as root with mount rights, a small tmpfs mounted on the directory and
      remounted ``ro`` / ``rw``. Every write is refused by the kernel with EROFS, as on a disk that
      went read-only, whoever the writer (root included).
    - "permissions": otherwise, mode 0555 on the directory. A non-root worker is refused with
      EACCES. Root ignores permissions through its capabilities, so when we are root the worker
      runs under ``setpriv`` without CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER: still
      uid 0 (it reads the root-owned test files), but bound by the mode bits like anyone else.
    """

    path: Path
    how: str
    worker_prefix: list[str] = field(default_factory=list)

    def make_read_only(self) -> None:
        if self.how == "read-only mount":
            subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True)
        else:
            self.path.chmod(0o555)

    def make_writable(self) -> None:
        if self.how == "read-only mount":
            subprocess.run(["mount", "-o", "remount,rw", str(self.path)], check=True)
        else:
            self.path.chmod(0o755)

    def refuses_writes(self) -> bool:
        """Checked from a process bound like the worker (the test process may be root)."""
        probe = self.path / ".probe"
        command = [*self.worker_prefix, "sh", "-c", f"touch {probe} && rm {probe}"]
        return subprocess.run(command, capture_output=True, check=False).returncode != 0


def _try_mount(path: Path) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m,mode=0755", "tmpfs", str(path)], capture_output=True, check=False
    )
    return result.returncode == 0


@pytest.fixture
def media_disk(settings: Any) -> Iterator[MediaDisk]:
    """The media directory on a disk that the test turns read-only (see MediaDisk). Outside
    pytest's tmp_path, whose parents are private to the user that runs the tests."""
    path = Path(tempfile.mkdtemp(prefix="antidote-media-"))
    path.chmod(0o755)
    # ANTIDOTE_TEST_READ_ONLY_DISK=permissions tries the fallback on a machine that could mount.
    if os.environ.get("ANTIDOTE_TEST_READ_ONLY_DISK") != "permissions" and _try_mount(path):
        disk = MediaDisk(path, "read-only mount")
    elif os.geteuid() == 0:
        caps = "-dac_override,-dac_read_search,-fowner"
        disk = MediaDisk(path, "permissions", ["setpriv", "--bounding-set", caps, "--inh-caps", caps, "--"])
    else:
        disk = MediaDisk(path, "permissions")
    use_media(settings, path)
    try:
        yield disk
    finally:
        with contextlib.suppress(Exception):
            disk.make_writable()
        if disk.how == "read-only mount":
            subprocess.run(["umount", "-l", str(path)], check=False)
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def eligible_course(course_factory: Callable[[], CoursePage]) -> CoursePage:
    """A published course with an evaluation, for learners who will claim credit."""
    return publish(course_factory(), evaluation=EVALUATION)


def eligible_learners(course: CoursePage, count: int) -> list[tuple[Client, User]]:
    """COUNT physicians, each logged in in their own client, who finished every module and the
    evaluation of COURSE: ready to claim."""
    learners = []
    for n in range(count):
        user = ready_to_claim(course, email=f"learner{n}@clinic.example")
        client = Client()
        client.force_login(user)
        learners.append((client, user))
    return learners
