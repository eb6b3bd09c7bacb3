"""Django's deployment checklist passes with the production settings and the
environment variables a deployment sets (see the README's deployment section)."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings


def _run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "EMAIL_")) and key != "PYTEST_CURRENT_TEST"
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_FIELD_ENCRYPTION_KEYS": secrets.token_urlsafe(32),
            "DJANGO_ALLOWED_HOSTS": "openinclusie.example.org,www.openinclusie.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        }
    )
    return env


def test_check_deploy_passes_with_production_settings(production_env):
    result = _run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env)
    assert result.returncode == 0, f"check --deploy failed:\n{result.stdout}\n{result.stderr}"
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(production_env):
    del production_env["DJANGO_SECRET_KEY"]
    result = _run_manage("check", env=production_env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


MAILER_PROBE = """
import django
django.setup()
from django.conf import DEPRECATED_EMAIL_SETTINGS, settings
from django.core import mail
print(sorted(name for name in DEPRECATED_EMAIL_SETTINGS if settings.is_overridden(name)))
mailer = mail.mailers.default
print(type(mailer).__module__, mailer.host, mailer.port)
"""


def test_production_mail_goes_through_mailers(production_env):
    """MAILERS replaces EMAIL_BACKEND and friends in Django 6.1."""
    production_env.update({"EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": "587"})
    result = subprocess.run(
        [sys.executable, "-c", MAILER_PROBE],
        cwd=settings.BASE_DIR,
        env=production_env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]", "django.core.mail.backends.smtp smtp.example.org 587"]


def test_tests_keep_mail_in_the_outbox(mailoutbox):
    from django.core import mail

    mail.send_mail("Onderwerp", "Tekst", None, ["iemand@example.org"])
    assert [message.subject for message in mailoutbox] == ["Onderwerp"]
