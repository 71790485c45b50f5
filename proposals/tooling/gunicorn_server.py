"""gunicorn on a free loopback port, on the database this process uses, for the load commands."""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.db import connection


class ServerNotHealthy(Exception):
    """gunicorn did not answer /healthz with 200 in time."""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    """The URL of the database this process is connected to (under pytest, the test database)."""
    db = connection.settings_dict
    user = urllib.parse.quote(db["USER"] or "", safe="")
    password = urllib.parse.quote(db["PASSWORD"] or "", safe="")
    host = db["HOST"] or "127.0.0.1"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{user}:{password}@{host}{port}/{db['NAME']}"


class Gunicorn:
    """Starts gunicorn (production-like: no DEBUG, no access log) and stops it; ``extra_env`` adds settings."""

    def __init__(self, workers, extra_env=None):
        self.workers = workers
        self.extra_env = extra_env or {}
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log_path = None

    @property
    def pid(self):
        return self.process.pid

    def environment(self):
        environment = {
            **os.environ,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(self.workers),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_DEBUG": "0",
            "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            **self.extra_env,
        }
        if connection.vendor == "postgresql":
            environment["DATABASE_URL"] = database_url()
        return environment

    def start(self):
        command = [sys.executable, "-m", "gunicorn", "-c", "python:parlreform.gunicorn_conf", "parlreform.wsgi",
                   "--access-logfile", "/dev/null"]
        # gunicorn's log goes to a file: an unread pipe fills up and would block the workers.
        with tempfile.NamedTemporaryFile(prefix="parlreform-gunicorn-", suffix=".log", delete=False) as log:
            self.log_path = log.name
            self.process = subprocess.Popen(command, env=self.environment(), stdout=subprocess.DEVNULL, stderr=log)
        return self

    def get(self, path, timeout=60):
        """(status, body) of one GET; status 0 when the connection fails."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return 0, b""

    def wait_until_healthy(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            if self.get("/healthz", timeout=5)[0] == 200:
                return
            time.sleep(0.3)
        raise ServerNotHealthy(f"gunicorn did not become healthy (its log: {self.log_path})")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        self.start()
        try:
            self.wait_until_healthy()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()
