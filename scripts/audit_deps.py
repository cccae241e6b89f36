"""Known vulnerabilities in the pinned dependencies: pip-audit on the Python lock files, npm
audit on the lock files of the SPA, the browser tests and the test OpenID Connect provider.

Exit 1 when an advisory names a pinned version. Both tools ask an advisory service over the
network; where none answers (a registry mirror without the advisory endpoints, no network),
nothing could be checked: that is said loudly and is not a failure unless `--strict` is given,
so that CI on an isolated machine still runs every other check. Run it with `make audit`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON_LOCKS = ("backend/requirements.txt", "backend/requirements-dev.txt")
NPM_PROJECTS = ("frontend", "e2e-tests", "backend/accounts/tests/oidc_provider")


@dataclass
class Audit:
    """What one lock file's audit found: advisories, and whether the service could be asked at all."""

    name: str
    checked: int = 0
    total: int = 0
    findings: list[str] = field(default_factory=list)
    unreachable: str = ""


def audit_python(lock: str) -> Audit:
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [
            str(VENV_BIN / "pip-audit"),
            "--requirement",
            str(ROOT / lock),
            "--no-deps",  # the lock file is complete: resolve nothing
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
    )
    audit = Audit(lock)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        audit.unreachable = (result.stderr.strip().splitlines() or ["no report"])[-1][:200]
        return audit
    dependencies = report.get("dependencies", [])
    audit.total = len(dependencies)
    for dependency in dependencies:
        if "skip_reason" in dependency:
            continue
        audit.checked += 1
        for vuln in dependency.get("vulns", []):
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
            audit.findings.append(f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})")
    if audit.total and not audit.checked:
        audit.unreachable = "the package index answered no advisory query (a mirror without them?)"
    return audit


def audit_npm(project: str) -> Audit:
    command = ["npm", "audit", "--json", "--audit-level=low"]  # npm from PATH, as `make` finds it
    result = subprocess.run(command, cwd=ROOT / project, capture_output=True, text=True)  # noqa: S603
    audit = Audit(f"{project}/package-lock.json")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        audit.unreachable = "npm audit gave no report"
        return audit
    if "vulnerabilities" not in report:
        audit.unreachable = f"the registry's advisory endpoint answered HTTP {report.get('statusCode', '?')}"
        return audit
    audit.total = audit.checked = report.get("metadata", {}).get("dependencies", {}).get("total", 0)
    for name, entry in sorted(report["vulnerabilities"].items()):
        audit.findings.append(f"{name} ({entry.get('severity')}): {entry.get('range', '')}")
    return audit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="fail when an advisory service cannot be reached")
    args = parser.parse_args()
    audits = [audit_python(lock) for lock in PYTHON_LOCKS] + [audit_npm(project) for project in NPM_PROJECTS]
    failed = False
    for audit in audits:
        if audit.unreachable:
            print(f"audit: {audit.name}: NOT CHECKED, no advisory service answered ({audit.unreachable})")
            failed |= args.strict
            continue
        print(
            f"audit: {audit.name}: {audit.checked} of {audit.total} packages checked, {len(audit.findings)} advisories"
        )
        for finding in audit.findings:
            print(f"  {finding}")
        failed |= bool(audit.findings)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
