"""`make audit` (scripts/audit_deps.py): an advisory fails the run; an unreachable service is said, not hidden."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "audit_deps.py"


@pytest.fixture
def audit_deps():
    spec = importlib.util.spec_from_file_location("audit_deps", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["audit_deps"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules["audit_deps"]


def fake_run(pip_report: dict | None, npm_report: dict):
    def run(command, **kwargs):
        report = npm_report if command[0] == "npm" else pip_report
        stdout = json.dumps(report) if report is not None else "Traceback…"
        return subprocess.CompletedProcess(command, 1, stdout=stdout, stderr="ConnectionError: no network")

    return run


NPM_CLEAN = {"vulnerabilities": {}, "metadata": {"dependencies": {"total": 300}}}
PIP_CLEAN = {"dependencies": [{"name": "django", "version": "5.2.8", "vulns": []}]}


def locks(audit_deps) -> int:
    """Every lock file the audit reads: Python's and each npm project's."""
    return len(audit_deps.PYTHON_LOCKS) + len(audit_deps.NPM_PROJECTS)


def run_main(audit_deps, monkeypatch, capsys, *args) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["audit_deps", *args])
    code = audit_deps.main()
    return code, capsys.readouterr().out


def test_an_advisory_on_a_pinned_version_fails(audit_deps, monkeypatch, capsys):
    vulnerable = {
        "dependencies": [
            {"name": "django", "version": "5.2.0", "vulns": [{"id": "PYSEC-1", "fix_versions": ["5.2.1"]}]}
        ]
    }
    monkeypatch.setattr(audit_deps.subprocess, "run", fake_run(vulnerable, NPM_CLEAN))
    code, out = run_main(audit_deps, monkeypatch, capsys)
    assert code == 1 and "django 5.2.0: PYSEC-1 (fixed in 5.2.1)" in out


def test_an_npm_advisory_fails(audit_deps, monkeypatch, capsys):
    npm = {
        "vulnerabilities": {"vite": {"severity": "high", "range": "<8.3.5"}},
        "metadata": {"dependencies": {"total": 1}},
    }
    monkeypatch.setattr(audit_deps.subprocess, "run", fake_run(PIP_CLEAN, npm))
    code, out = run_main(audit_deps, monkeypatch, capsys)
    assert code == 1 and "vite (high): <8.3.5" in out


def test_clean_locks_pass(audit_deps, monkeypatch, capsys):
    monkeypatch.setattr(audit_deps.subprocess, "run", fake_run(PIP_CLEAN, NPM_CLEAN))
    code, out = run_main(audit_deps, monkeypatch, capsys)
    assert code == 0 and out.count("0 advisories") == locks(audit_deps)


def test_an_unreachable_service_is_said_and_fails_only_when_strict(audit_deps, monkeypatch, capsys):
    skipped = {"dependencies": [{"name": "django", "skip_reason": "Dependency not found"}]}
    monkeypatch.setattr(audit_deps.subprocess, "run", fake_run(skipped, {"statusCode": 405}))
    code, out = run_main(audit_deps, monkeypatch, capsys)
    assert code == 0 and out.count("NOT CHECKED") == locks(audit_deps)
    assert run_main(audit_deps, monkeypatch, capsys, "--strict")[0] == 1
