"""Tasks the worker tests run in a real ``task_worker`` process."""

import time
from pathlib import Path

from django.tasks import task


@task(takes_context=True)
def slow_first_time(context, marker: str):
    """Writes "start N" at each attempt; the first attempt then hangs (the test
    kills its worker), a later one finishes and writes "done N"."""
    path = Path(marker)
    attempt = context.attempt
    with path.open("a") as handle:
        handle.write(f"start {attempt}\n")
    if attempt == 1:
        time.sleep(120)
    with path.open("a") as handle:
        handle.write(f"done {attempt}\n")
    return attempt
