"""docker/ agrees with the application: no Docker needed, only the files.

The compose file, the .env example, the Dockerfiles and nginx's template name variables, paths,
versions and sizes that the backend defines; a rename on either side fails here, not in a
deployment.
"""

from __future__ import annotations

import ast
import http.server
import importlib.util
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from django.urls import Resolver404, resolve

from config import env as env_module
from config.urls import api_not_found, spa_index

REPO = env_module.REPO_DIR
DOCKER = REPO / "docker"
CONFIG = env_module.BASE_DIR / "config"
COMPOSE = DOCKER / "compose.yaml"
ENV_EXAMPLE = DOCKER / ".env.example"
BACKEND_DOCKERFILE = DOCKER / "backend.Dockerfile"
FRONTEND_DOCKERFILE = DOCKER / "frontend.Dockerfile"
NGINX_TEMPLATE = DOCKER / "nginx.conf.template"

# Variables of the application's families: each one written in docker/ must be one it reads.
APP_FAMILY = re.compile(r"^(URBADESK_|S3_|DJANGO_|EMAIL_)|^(DATABASE_URL|REDIS_URL|DEFAULT_FROM_EMAIL)$")
# Read by Django itself rather than by our configuration modules.
READ_BY_DJANGO = {"DJANGO_SETTINGS_MODULE"}
# Services that run once and exit; every other service must report its health.
ONE_SHOTS = {"migrate", "minio-init"}
BACKEND_SERVICES = {"migrate", "api", "worker", "scheduler"}
HEALTH_PATHS = {"/api/v1/health/live/", "/api/v1/health/ready/"}
ENV_READERS = {"_str", "_int", "_bool", "_choice", "_clock", "_networks"}


# --- what the files say -------------------------------------------------------------------------


def names_read_by_the_app() -> set[str]:
    """Variable names that config/env.py reads (and gunicorn.py and broker.py, which read a few
    process settings of their own): the first argument of each environment lookup."""
    names: set[str] = set()
    for module in ("env.py", "gunicorn.py", "broker.py"):
        for node in ast.walk(ast.parse((CONFIG / module).read_text())):
            key = None
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                helper = isinstance(func, ast.Name) and func.id in ENV_READERS
                environ_get = (
                    isinstance(func, ast.Attribute)
                    and func.attr == "get"
                    and isinstance(func.value, ast.Attribute)
                    and func.value.attr == "environ"
                )
                if helper or environ_get:
                    key = node.args[0]
            elif (
                isinstance(node, ast.Subscript)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "environ"
            ):
                key = node.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                names.add(key.value)
    return names


def _int_expression(node: ast.AST) -> int:
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult | ast.Add):
        left, right = _int_expression(node.left), _int_expression(node.right)
        return left * right if isinstance(node.op, ast.Mult) else left + right
    raise ValueError(f"not a constant integer expression: {ast.dump(node)}")


def int_default(name: str) -> int:
    """The default that config/env.py gives an `_int(name, default)` variable."""
    for node in ast.walk(ast.parse((CONFIG / "env.py").read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_int"
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == name
        ):
            return _int_expression(node.args[1])
    raise AssertionError(f"config/env.py reads no integer {name}")


def str_default(name: str) -> str:
    for node in ast.walk(ast.parse((CONFIG / "env.py").read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_str"
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == name
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
        ):
            return node.args[1].value
    raise AssertionError(f"config/env.py gives {name} no literal default")


def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def services() -> dict[str, dict]:
    return compose()["services"]


def env_example(*, with_commented: bool = False) -> dict[str, str]:
    """NAME=value lines of docker/.env.example (and the `# NAME=value` suggestions, if asked)."""
    pattern = re.compile(r"^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$")
    values: dict[str, str] = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = pattern.match(line.strip())
        if match and (with_commented or not match.group(1)):
            values[match.group(2)] = match.group(3).strip()
    return values


def service_environment(service: dict) -> dict[str, str]:
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) if "=" in item else (item, "") for item in environment)
    return {name: str(value) for name, value in environment.items()}


def interpolated(text: str) -> dict[str, str | None]:
    """`${NAME}`, `${NAME:-default}`, `${NAME:?error}` in a compose file: name → how it is given
    (None when required or bare, else the default). `$${NAME}` is the container's, not compose's."""
    found: dict[str, str | None] = {}
    for match in re.finditer(r"(?<!\$)\$\{([A-Z][A-Z0-9_]*)(?:(:?-)([^}]*)|:?\?[^}]*)?\}", text):
        name, dash, default = match.groups()
        found[name] = default if dash else found.get(name)
    return found


def dockerfile_instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    joined, current = [], ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        joined.append(current + line)
        current = ""
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "") for line in joined]


def dockerfile_env(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for instruction, arguments in dockerfile_instructions(path):
        if instruction == "ENV":
            for name, value in re.findall(r'([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)', arguments):
                values[name] = value.strip('"')
    return values


def base_images(path: Path) -> list[str]:
    return [arguments.split()[0] for instruction, arguments in dockerfile_instructions(path) if instruction == "FROM"]


def nginx_bytes(size: str) -> int:
    match = re.fullmatch(r"(\d+)([kKmMgG]?)", size)
    assert match, f"not an nginx size: {size!r}"
    return int(match.group(1)) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2).lower()]


def urls_in_healthchecks() -> list[str]:
    """Every URL a container health check asks, in compose.yaml and in the Dockerfiles."""
    urls = []
    for service in services().values():
        test = (service.get("healthcheck") or {}).get("test") or []
        text = " ".join(test) if isinstance(test, list) else test
        urls += re.findall(r"https?://[^\s\"']+", text)
    for path in (BACKEND_DOCKERFILE, FRONTEND_DOCKERFILE):
        for instruction, arguments in dockerfile_instructions(path):
            if instruction == "HEALTHCHECK":
                urls += re.findall(r"https?://[^\s\"']+", arguments)
    return urls


# --- the variables -------------------------------------------------------------------------------


def test_the_configuration_modules_are_parsed():
    names = names_read_by_the_app()
    # A parser that found nothing would let every check below pass.
    assert {"DATABASE_URL", "REDIS_URL", "S3_ENDPOINT", "URBADESK_PUBLIC_URL", "URBADESK_BIND"} <= names
    assert int_default("URBADESK_MAX_UPLOAD_BYTES") > 0


def test_every_application_variable_written_in_docker_is_one_the_app_reads():
    read = names_read_by_the_app() | READ_BY_DJANGO
    written: dict[str, str] = {}
    for name in env_example(with_commented=True):
        written[name] = ".env.example"
    for service_name, service in services().items():
        for name in service_environment(service):
            written[name] = f"compose.yaml: {service_name}.environment"
    for name in interpolated(COMPOSE.read_text()):
        written[name] = "compose.yaml: ${…}"
    for path in (BACKEND_DOCKERFILE, FRONTEND_DOCKERFILE):
        for name in dockerfile_env(path):
            written[name] = f"{path.name}: ENV"
    unknown = {name: where for name, where in written.items() if APP_FAMILY.search(name) and name not in read}
    assert not unknown, f"variables that config/env.py does not read: {unknown}"


def test_every_required_compose_variable_has_a_value_in_the_env_example():
    given = env_example()
    missing = [
        name for name, default in interpolated(COMPOSE.read_text()).items() if default is None and not given.get(name)
    ]
    assert not missing, f"compose.yaml needs these, docker/.env.example does not set them: {missing}"


def test_the_env_example_points_at_the_compose_services():
    values = env_example()
    database = urlsplit(values["DATABASE_URL"])
    assert database.scheme in {"postgres", "postgresql"} and database.hostname == "postgres"
    assert database.username == values["POSTGRES_USER"]
    assert database.password == values["POSTGRES_PASSWORD"]
    assert database.path.lstrip("/") == values["POSTGRES_DB"]
    assert urlsplit(values["REDIS_URL"]).hostname == "redis"
    assert urlsplit(values["S3_ENDPOINT"]).hostname == "minio"
    # Browsers reach the store through the web front, on the site's own origin.
    assert values["S3_PUBLIC_ENDPOINT"] == values["URBADESK_PUBLIC_URL"]
    assert values["DJANGO_DEBUG"].lower() in {"0", "false", "no", "off"}
    public_host = urlsplit(values["URBADESK_PUBLIC_URL"]).hostname
    assert public_host in values["DJANGO_ALLOWED_HOSTS"].split(",")


def test_the_backend_services_get_the_env_file_and_the_proxy_setting():
    for name in BACKEND_SERVICES:
        service = services()[name]
        assert service["env_file"] in (".env", [".env"]), name
        assert service["image"] == services()["api"]["image"], name
        assert service_environment(service).get("URBADESK_BEHIND_PROXY") == "true", name


# --- services and health ----------------------------------------------------------------------------


def test_every_long_running_service_has_a_health_check():
    all_services = services()
    assert {"postgres", "redis", "minio", "api", "worker", "scheduler", "web"} <= set(all_services)
    one_shots = {name for name, service in all_services.items() if service.get("restart") == "no"}
    assert one_shots == ONE_SHOTS
    for name, service in all_services.items():
        if name in ONE_SHOTS:
            continue
        check = service.get("healthcheck") or {}
        assert check.get("test") and not check.get("disable"), f"{name} has no health check"


def test_the_start_order_waits_for_setup_and_health():
    all_services = services()
    for name in ("api", "worker", "scheduler"):
        depends = all_services[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
        assert depends["minio-init"]["condition"] == "service_completed_successfully", name
        assert depends["redis"]["condition"] == "service_healthy", name
    assert all_services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert all_services["web"]["depends_on"]["api"]["condition"] == "service_healthy"
    migrate = " ".join(all_services["migrate"]["command"])
    assert "migrate --no-input" in migrate and "signatures_init_ca" in migrate
    assert all_services["worker"]["command"][:2] == ["dramatiq", "config.worker"]
    assert all_services["scheduler"]["command"][-1] == "run_schedule"


def test_the_health_checks_ask_the_live_and_ready_endpoints():
    paths = {urlsplit(url).path for url in urls_in_healthchecks() if "/api/" in url}
    assert paths == HEALTH_PATHS


@pytest.mark.parametrize("path", sorted(HEALTH_PATHS))
def test_the_health_endpoints_exist_in_the_urlconf(path):
    try:
        match = resolve(path)
    except Resolver404:  # pragma: no cover - the catch-alls answer every path today
        pytest.fail(f"{path} resolves to nothing")
    assert match.func not in (api_not_found, spa_index), f"{path} falls through to a catch-all"


def test_the_pki_folder_is_one_volume_shared_by_migrate_and_api():
    data_dir = dockerfile_env(BACKEND_DOCKERFILE)["URBADESK_DATA_DIR"]
    mounts = {name: services()[name].get("volumes") or [] for name in ("migrate", "api")}
    for name, volumes in mounts.items():
        assert f"pki:{data_dir}/pki" in volumes, name
    assert "pki" in compose()["volumes"]


def test_the_api_listens_where_nginx_and_the_checks_look():
    bind = dockerfile_env(BACKEND_DOCKERFILE)["URBADESK_BIND"]
    assert bind == "0.0.0.0:8000"
    port = bind.rsplit(":", 1)[1]
    assert f"http://api:{port}" in NGINX_TEMPLATE.read_text()
    assert all(urlsplit(url).port == int(port) for url in urls_in_healthchecks() if "/api/" in url)


# --- images ---------------------------------------------------------------------------------------------


def test_the_images_use_the_python_and_node_of_the_project():
    readme = (REPO / "README.md").read_text()
    wanted = re.search(r"needs Python (\d+\.\d+) and Node (\d+)", readme)
    assert wanted, "README.md no longer says which Python and Node `make run` needs"
    python, node = wanted.groups()
    target = re.search(r'target-version = "py(\d)(\d+)"', (env_module.BASE_DIR / "pyproject.toml").read_text())
    assert target and f"{target.group(1)}.{target.group(2)}" == python
    pythons = [image for image in base_images(BACKEND_DOCKERFILE) if image.startswith("python:")]
    assert pythons and all(re.match(rf"python:{re.escape(python)}(-|$)", image) for image in pythons), pythons
    nodes = [image for image in base_images(FRONTEND_DOCKERFILE) if image.startswith("node:")]
    assert nodes and all(re.match(rf"node:{node}(-|\.|$)", image) for image in nodes), nodes


def test_the_backend_image_runs_gunicorn_as_a_user_and_collects_static_files():
    instructions = dockerfile_instructions(BACKEND_DOCKERFILE)
    runtime = instructions[max(i for i, (name, _) in enumerate(instructions) if name == "FROM") :]
    users = [arguments for name, arguments in runtime if name == "USER"]
    assert users and not users[-1].startswith(("root", "0")), users
    assert any(name == "RUN" and "collectstatic" in arguments for name, arguments in runtime)
    cmd = next(arguments for name, arguments in reversed(runtime) if name == "CMD")
    assert json.loads(cmd) == ["gunicorn", "config.wsgi", "-c", "config/gunicorn.py"]
    assert (env_module.BASE_DIR / "config" / "gunicorn.py").is_file()


@pytest.mark.parametrize("dockerfile", [BACKEND_DOCKERFILE, FRONTEND_DOCKERFILE], ids=lambda path: path.name)
def test_what_a_dockerfile_copies_exists_and_is_in_its_build_context(dockerfile):
    ignore = Path(f"{dockerfile}.dockerignore").read_text().splitlines()
    included = [line[1:].rstrip("/") for line in ignore if line.startswith("!")]
    for name, arguments in dockerfile_instructions(dockerfile):
        if name != "COPY" or "--from=" in arguments:
            continue
        sources = [word for word in arguments.split() if not word.startswith("--")][:-1]
        for source in sources:
            assert (REPO / source).exists(), f"{dockerfile.name} copies {source}, which does not exist"
            assert any(source.rstrip("/") == path or source.startswith(path + "/") for path in included), (
                f"{dockerfile.name} copies {source}, which its .dockerignore leaves out"
            )


# --- nginx -------------------------------------------------------------------------------------------------


def test_nginx_accepts_the_largest_upload():
    sizes = [nginx_bytes(size) for size in re.findall(r"client_max_body_size\s+(\w+);", NGINX_TEMPLATE.read_text())]
    largest = max(int_default("URBADESK_MAX_UPLOAD_BYTES"), int(env_example().get("URBADESK_MAX_UPLOAD_BYTES", 0)))
    assert sizes and min(sizes) >= largest, f"client_max_body_size {sizes} < {largest} bytes"


def test_nginx_passes_the_bucket_and_the_app_paths_through():
    template = NGINX_TEMPLATE.read_text()
    for prefix in ("/api/", "/admin/", "/static/", "/${S3_BUCKET}/"):
        assert re.search(rf"location {re.escape(prefix)} \{{[^}}]*proxy_pass", template), prefix
    assert "try_files $uri /index.html;" in template  # the SPA's own routes
    web = service_environment(services()["web"])
    assert web["S3_BUCKET"] == "${S3_BUCKET:-" + str_default("S3_BUCKET") + "}"
    filter_ = dockerfile_env(FRONTEND_DOCKERFILE)["NGINX_ENVSUBST_FILTER"]
    for name in set(re.findall(r"\$\{([A-Z0-9_]+)\}", template)):
        assert re.search(filter_, name) and name in web, f"${{{name}}} would stay unsubstituted"


def test_the_bucket_is_not_a_path_of_the_app():
    bucket = env_example().get("S3_BUCKET") or str_default("S3_BUCKET")
    spa_paths = re.findall(r'"/([a-z0-9-]+)', (REPO / "frontend" / "src" / "lib" / "paths.ts").read_text())
    assert spa_paths, "frontend/src/lib/paths.ts no longer lists the SPA's paths"
    assert bucket not in {"api", "admin", "static", "assets", "nginx-health", *spa_paths}


# --- the health check script of the backend image ---------------------------------------------------------


def load_healthcheck():
    spec = importlib.util.spec_from_file_location("urbadesk_healthcheck", DOCKER / "healthcheck.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def http_server() -> Iterator[tuple[str, list[str]]]:
    hosts: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hosts.append(self.headers["Host"])
            self.send_response(200 if self.path == "/ok/" else 503)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hosts
    server.shutdown()
    server.server_close()


def test_the_http_health_check_wants_a_200_and_sends_an_allowed_host(http_server, monkeypatch):
    base, hosts = http_server
    healthcheck = load_healthcheck()
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", ".urbadesk.example.org,localhost")
    assert healthcheck.main(["healthcheck", f"{base}/ok/"]) == 0
    assert healthcheck.main(["healthcheck", f"{base}/ready/"]) == 1
    assert hosts == ["urbadesk.example.org", "urbadesk.example.org"]
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "*")
    assert healthcheck.allowed_host() == "localhost"


def test_the_broker_health_check_fails_without_its_services(monkeypatch):
    healthcheck = load_healthcheck()
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:9/0")
    monkeypatch.setenv("DATABASE_URL", "postgres://nobody@127.0.0.1:9/none")
    assert healthcheck.main(["healthcheck", "broker"]) == 1
