"""gunicorn settings for `make run` and the container image.

With the embedded broker (no REDIS_URL) there is one worker process, which also runs the
dramatiq worker threads; with Redis, API processes scale out and workers run apart.
"""

import os

from config.broker import uses_embedded_worker

bind = os.environ.get("URBADESK_BIND", "127.0.0.1:8000")
worker_class = "gthread"
threads = int(os.environ.get("URBADESK_THREADS", "8"))
workers = 1 if not os.environ.get("REDIS_URL") else int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = 300  # large multipart uploads on slow links
# gunicorn's control socket defaults to one path per user ($HOME/.gunicorn/gunicorn.ctl), which
# two stacks on one machine (a developer's and the e2e run's) would share; nothing uses it.
control_socket_disable = True
accesslog = "-"
errorlog = "-"


def post_worker_init(worker) -> None:
    if uses_embedded_worker():
        from config.embedded_worker import start_embedded_worker

        start_embedded_worker()
