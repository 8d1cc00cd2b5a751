"""An interrupted build (Ctrl+C, SIGTERM) stops its workers, removes its staging folder, leaves
site/ as it was, and says so in one line: never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from support import SiteFactory, post_text, tree


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_build_cleans_up_and_says_so(
    make_site: Callable[..., SiteFactory], signum: int
) -> None:
    site = make_site()
    for number in range(150):  # long enough to be interrupted in the middle
        site.write(
            f"content/lv/news/2020/zina-{number}.md", post_text(f"Ziņa {number}", "2020-06-30")
        )
    (site.root / "site").mkdir()
    (site.root / "site/index.html").write_text("previous site", encoding="utf-8")
    before = tree(site.root / "site")
    process = subprocess.Popen(
        [sys.executable, "-m", "clustersite.build", "--strict"],
        cwd=site.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the workers can be looked for after
        env={**os.environ, "CLUSTERSITE_LANG": "en"},
    )
    deadline = time.monotonic() + 60
    while not list(site.root.glob(".site.building-*/en")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the language workers have started writing
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.kill(process.pid, signum)
    _out, err = process.communicate(timeout=120)

    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        "The build was interrupted and stopped; site/ was left as it was."
    )
    assert tree(site.root / "site") == before
    assert list(site.root.glob(".site.*")) == []
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):  # no worker outlives the build
        os.killpg(process.pid, 0)
