"""The UI is Dutch first: every translatable string in the code and
templates must have a Dutch translation in the committed catalogue."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "openinclusie" / "locale"


def _statistics(po_file: Path) -> dict[str, int]:
    output = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", output):
        counts[kind] = int(number)
    return counts


def _without(environment, name):
    return {key: value for key, value in environment.items() if key != name}


def test_committed_dutch_catalogue_is_complete_and_valid():
    counts = _statistics(LOCALE / "nl" / "LC_MESSAGES" / "django.po")
    assert counts["translated"] > 0
    assert counts["fuzzy"] == 0, counts
    assert counts["untranslated"] == 0, counts


def test_every_string_in_the_code_is_in_the_dutch_catalogue(tmp_path):
    """Re-extracts the strings from a copy of the source into a copy of the
    catalogue (makemessages writes next to the code it scans, so it must
    not run on the real tree): a string added without a translation shows up
    as untranslated."""
    copy = tmp_path / "src"
    skip = shutil.ignore_patterns("tests", "__pycache__", "static", "*.mo", "migrations")
    shutil.copytree(ROOT / "openinclusie", copy / "openinclusie", ignore=skip)
    shutil.copytree(ROOT / "config", copy / "config", ignore=skip)
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale=nl",
            "--no-obsolete",
            "--ignore=*/tests/*",
            "--verbosity=0",
        ],
        cwd=copy,
        # makemessages needs no database; SQLite keeps the copy from
        # loading the test-only PostgreSQL backend, which is not copied.
        env={**_without(os.environ, "DATABASE_URL"), "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        check=True,
    )
    po_file = copy / "openinclusie" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    counts = _statistics(po_file)
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-location", str(po_file)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    missing = re.findall(r'^msgid "(.+)"$', untranslated, flags=re.MULTILINE)
    assert counts["translated"] > 0
    assert counts["untranslated"] == 0, f"{counts['untranslated']} strings without Dutch: {missing[:30]}"
    assert counts["fuzzy"] == 0, counts
