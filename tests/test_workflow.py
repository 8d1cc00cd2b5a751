"""Every GitHub workflow (ours, and the one `clustersite init` gives a new site) is valid and
passes zizmor's security audits.

Both checkers come from PyPI (``check-jsonschema``, ``zizmor``) and run offline: the JSON
schema is the one bundled with check-jsonschema, and zizmor's offline audits need no token.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
STARTER_WORKFLOW = ROOT / "src" / "clustersite" / "starter" / "pages.yml"
ALL_WORKFLOWS = [*sorted(WORKFLOWS.glob("*.yml")), STARTER_WORKFLOW]
BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run one of the venv's tools from the repository root, capturing its output."""
    command = [str(BIN / args[0]), *args[1:]]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_every_workflow_matches_the_github_schema() -> None:
    assert {path.name for path in WORKFLOWS.glob("*.yml")} >= {"pages.yml"}
    result = run(
        "check-jsonschema",
        "--builtin-schema",
        "vendor.github-workflows",
        *map(str, ALL_WORKFLOWS),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_look_ahead_workflow_runs_weekly_and_by_hand() -> None:
    """The newest allowed versions are tried every week, so drift shows up as a red run."""
    import yaml

    workflow = yaml.safe_load((WORKFLOWS / "look-ahead.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"} and triggers["schedule"]
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(step.get("run") == "make test-latest" for step in steps)


def test_zizmor_finds_nothing() -> None:
    result = run("zizmor", "--offline", str(WORKFLOWS), str(STARTER_WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


def test_zizmor_pedantic_finds_nothing() -> None:
    """Even the findings that the default persona suppresses (for example permissions
    without an explanatory comment) are fixed, not hidden."""
    result = run(
        "zizmor",
        "--offline",
        "--persona=pedantic",
        "--format=json",
        str(WORKFLOWS),
        str(STARTER_WORKFLOW),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == [], result.stdout


def test_pages_are_rebuilt_every_day() -> None:
    """Upcoming and past events, and open registration, are decided at build time."""
    import yaml

    workflow = yaml.safe_load((WORKFLOWS / "pages.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    (schedule,) = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert minute.isdigit() and hour.isdigit()
    assert (day, month, weekday) == ("*", "*", "*")
