"""`errgen fetch` against a local HTTP server on 127.0.0.1, started and stopped
by the test: every answer a docs site can give, the exit codes, and errgen.lock
(and the page) untouched whenever the fetch fails."""

from __future__ import annotations

import gzip
import http.server
import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from errgen.cli import main

HTML = Path(__file__).parent / "corpus" / "html"
BLOCPAL = (HTML / "blocpal-exchange-errors.html").read_bytes()
BLOCPAL_MD = (HTML / "blocpal-exchange-errors.md").read_bytes()
ETAG = '"v1"'
SHELL = b'<!doctype html><html><head><title>Sign in</title></head><body><div id="root"></div>' \
        b'<script src="/app.js"></script></body></html>'
# The blocpal page cut before -1022: most codes gone.
CUT = BLOCPAL[: BLOCPAL.index(b'<h4 class="anchor anchorWithStickyNavbar_LWe7" id="-1022')] + b"</div></article></body></html>"


HUNG_UP = threading.Event()  # set by /slow when the client hangs up before the answer is whole


class Handler(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, str]]] = []

    def log_message(self, *_: object) -> None:
        pass

    def do_GET(self) -> None:
        Handler.requests.append({k.lower(): v for k, v in self.headers.items()} | {"path": self.path})
        route = self.path.split("?")[0]
        if route == "/page.html":
            if self.headers.get("If-None-Match") == ETAG:
                self.send_response(304)
                self.end_headers()
                return
            self._send(200, BLOCPAL, "text/html; charset=utf-8", {"ETag": ETAG, "Last-Modified": "Mon, 07 Dec 2026 10:00:00 GMT"})
        elif route == "/errors.md":
            self._send(200, BLOCPAL_MD, "text/markdown; charset=utf-8")
        elif route == "/gzip.html":
            self._send(200, gzip.compress(BLOCPAL), "text/html", {"Content-Encoding": "gzip"})
        elif route == "/gzip-bomb.html":
            self._send(200, gzip.compress(b" " * (21 * 1024 * 1024)), "text/html", {"Content-Encoding": "gzip"})
        elif route == "/big.html":
            self.send_response(200)
            self.send_header("Content-Length", str(21 * 1024 * 1024))
            self.end_headers()
        elif route == "/latin1-header.html":  # the header lies; the page's <meta charset> is right
            self._send(200, BLOCPAL.replace(b"occured", "occured \u2013 caf\u00e9".encode()), "text/html; charset=iso-8859-1")
        elif route == "/cp1252.html":  # no <meta charset>: the header says what it is
            page = b"<html><body><h4>-1000 UNKNOWN</h4><ul><li>Caf\xe9 \x93closed\x94</li></ul></body></html>"
            self._send(200, page, "text/html; charset=windows-1252")
        elif route == "/shell.html":
            self._send(200, SHELL, "text/html")
        elif route == "/cut.html":
            self._send(200, CUT, "text/html")
        elif route == "/missing":
            self._send(404, b"not here", "text/plain")
        elif route == "/broken":
            self._send(500, b"oops", "text/plain")
        elif route == "/loop":
            self._redirect("/loop")
        elif route.startswith("/hop"):
            n = int(route[4:] or 0)
            self._redirect(f"/hop{n + 1}" if n < 10 else "/page.html")
        elif route == "/moved":
            self._redirect("/page.html")
        elif route == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(300):  # a byte every 0.1 s for 30 s: each read is quick, the whole answer is not
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    HUNG_UP.set()  # the client gave up before the answer was whole
                    return
                time.sleep(0.1)
        else:
            self._send(404, b"", "text/plain")

    def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, to: str) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")


def project(root: Path, url: str, path: str = "docs_src/errors.html", page: bytes | None = None) -> Path:
    (root / "docs_src").mkdir(parents=True, exist_ok=True)
    (root / "errgen.toml").write_text(
        f'[output]\npython_package = "errors"\n\n[[sources]]\nid = "errors"\npath = "{path}"\nurl = "{url}"\n',
        encoding="utf-8")
    if page is not None:
        (root / path).write_bytes(page)
    return root


def fetch(root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str,
          ) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    code = main(["fetch", *args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_first_fetch_writes_the_page_and_its_validators(server: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path, f"{server}/page.html")
    code, out, err = fetch(root, monkeypatch, capsys)
    assert (code, err) == (1, "")
    assert out.startswith("docs_src/errors.html: new; 39 codes")
    assert (root / "docs_src/errors.html").read_bytes() == BLOCPAL  # as served, byte for byte
    fetched = json.loads((root / "errgen.lock").read_text(encoding="utf-8"))["fetched"]["errors"]
    assert fetched["etag"] == ETAG and fetched["last_modified"] == "Mon, 07 Dec 2026 10:00:00 GMT"
    # The second run sends the validators, gets 304, writes nothing, exits 0.
    before = snapshot(root)
    Handler.requests.clear()
    code, out, _ = fetch(root, monkeypatch, capsys)
    assert code == 0 and "not modified" in out
    assert Handler.requests[0]["if-none-match"] == ETAG
    assert snapshot(root) == before
    # generate keeps the validators; check then finds nothing stale.
    monkeypatch.chdir(root)
    assert main(["generate"]) == 0
    assert json.loads((root / "errgen.lock").read_text(encoding="utf-8"))["fetched"]["errors"]["etag"] == ETAG
    assert main(["check"]) == 0


def test_a_changed_page_prints_what_changed_in_codes(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    old = BLOCPAL.replace(b"-1000 UNKNOWN<", b"-1000 UNKNOWN_OLD<")
    root = project(tmp_path, f"{server}/page.html", page=old)
    code, out, _ = fetch(root, monkeypatch, capsys, "--check")
    assert code == 1 and "would change" in out and "renamed" in out
    assert (root / "docs_src/errors.html").read_bytes() == old and not (root / "errgen.lock").exists()
    code, out, _ = fetch(root, monkeypatch, capsys)
    assert code == 1 and (root / "docs_src/errors.html").read_bytes() == BLOCPAL


def test_same_bytes_exit_0(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path, f"{server}/gzip.html", page=BLOCPAL)  # gzip on the wire, the page on disk
    code, out, _ = fetch(root, monkeypatch, capsys)
    assert code == 0 and "unchanged" in out
    assert (root / "docs_src/errors.html").read_bytes() == BLOCPAL


def test_markdown_to_html_keeps_identifiers(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path, f"{server}/errors.md", path="docs_src/errors.md")
    assert fetch(root, monkeypatch, capsys)[0] == 1
    assert main(["generate"]) == 0
    capsys.readouterr()
    before = json.loads((root / "output/json/errors.json").read_text(encoding="utf-8"))
    project(root, f"{server}/page.html")  # the same page, now its built HTML
    assert fetch(root, monkeypatch, capsys)[0] == 1
    (root / "docs_src/errors.md").unlink()
    assert main(["generate"]) == 0
    after = json.loads((root / "output/json/errors.json").read_text(encoding="utf-8"))
    assert [(e["code"], e["identifier"], e["class_name"]) for e in after["errors"]] == \
           [(e["code"], e["identifier"], e["class_name"]) for e in before["errors"]]
    capsys.readouterr()
    assert main(["diff", "docs_src/errors.html", str(HTML / "blocpal-exchange-errors.md")]) == 0
    assert "no change in error codes" in capsys.readouterr().out


def test_a_trickling_answer_is_cut_at_the_deadline_not_when_it_ends(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--timeout bounds the whole answer: a server that sends a byte every 0.1 s for
    30 s is hung up on (not read to its end, or to a buffer's worth of bytes)."""
    root = project(tmp_path, f"{server}/slow")
    HUNG_UP.clear()
    code, _, err = fetch(root, monkeypatch, capsys, "--timeout", "1")
    assert code == 2 and err.rstrip().endswith("[fetch-timeout]"), err
    assert HUNG_UP.wait(5)


@pytest.mark.parametrize(("route", "rule", "args"), [
    ("/missing", "fetch-http", ()),
    ("/broken", "fetch-http", ()),
    ("/loop", "fetch-redirects", ()),
    ("/hop0", "fetch-redirects", ()),
    ("/slow", "fetch-timeout", ("--timeout", "1")),
    ("/big.html", "fetch-too-large", ()),
    ("/gzip-bomb.html", "fetch-too-large", ()),
    ("/shell.html", "fetch-refused", ()),
    ("/cut.html", "fetch-refused", ()),
])
def test_failures_exit_2_and_write_nothing(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str], route: str, rule: str,
                                           args: tuple[str, ...]) -> None:
    root = project(tmp_path, f"{server}/page.html", page=BLOCPAL)
    assert fetch(root, monkeypatch, capsys)[0] == 0  # the lock gets its validators
    project(root, f"{server}{route}")
    before = snapshot(root)
    code, out, err = fetch(root, monkeypatch, capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith(f"{server}{route}: error: ") and err.rstrip().endswith(f"[{rule}]"), err
    assert "Traceback" not in err
    assert snapshot(root) == before


def test_refusal_says_what_it_got_and_force_takes_it(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path, f"{server}/cut.html", page=BLOCPAL)
    code, _, err = fetch(root, monkeypatch, capsys)
    kept = len(re.findall(rb"<h4[^>]*>-[0-9]+ ", CUT))
    assert kept < 39 / 2
    assert code == 2 and f"reads {kept} codes where docs_src/errors.html has 39" in err
    assert "errgen fetch errors --force" in err and "errgen dump page.html" in err
    code, out, _ = fetch(root, monkeypatch, capsys, "--force")
    assert code == 1 and (root / "docs_src/errors.html").read_bytes() == CUT and "removed" in out
    # A shell with no codes is refused even for a first download.
    root2 = project(tmp_path / "two", f"{server}/shell.html")
    code, _, err = fetch(root2, monkeypatch, capsys)
    assert code == 2 and "reads no error codes" in err and "text/html" in err
    assert not (root2 / "docs_src/errors.html").exists()


def test_a_redirect_is_followed(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path, f"{server}/moved")
    assert fetch(root, monkeypatch, capsys)[0] == 1
    assert (root / "docs_src/errors.html").read_bytes() == BLOCPAL


def test_charsets(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> None:
    # Served as ISO-8859-1, declared UTF-8 in the page: the page's <meta charset> wins, as in a browser.
    root = project(tmp_path, f"{server}/latin1-header.html")
    assert fetch(root, monkeypatch, capsys)[0] == 1
    monkeypatch.chdir(root)
    assert main(["generate"]) == 0
    page = json.loads((root / "output/json/errors.json").read_text(encoding="utf-8"))
    assert "occured \u2013 caf\u00e9" in page["errors"][0]["messages"][0]["text"]
    # No <meta charset>: the header's windows-1252 is recorded and generate reads the saved page with it.
    root = project(tmp_path / "cp", f"{server}/cp1252.html")
    assert fetch(root, monkeypatch, capsys)[0] == 1
    assert json.loads((root / "errgen.lock").read_text(encoding="utf-8"))["fetched"]["errors"]["charset"] == "windows-1252"
    assert main(["generate"]) == 0
    page = json.loads((root / "output/json/errors.json").read_text(encoding="utf-8"))
    assert page["errors"][0]["messages"][0]["text"] == "Caf\u00e9 \u201cclosed\u201d"


def test_bad_fetched_entry_in_the_lock_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path, "http://127.0.0.1:9/page.html", page=BLOCPAL)
    (root / "errgen.lock").write_text(json.dumps({"version": 1, "files": {}, "sources": {},
                                                  "fetched": {"errors": {"sha256": 5}}}), encoding="utf-8")
    code, _, err = fetch(root, monkeypatch, capsys)
    assert code == 2 and "errgen.lock" in err and "[lock]" in err


def test_only_http_and_https(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path, "file:///etc/passwd")
    code, _, err = fetch(root, monkeypatch, capsys)
    assert code == 2 and "[fetch-scheme]" in err and not (root / "docs_src/errors.html").exists()


def test_github_blob_urls_fetch_the_raw_file() -> None:
    from errgen.read.download import raw_url

    assert raw_url("https://github.com/binance/binance-spot-api-docs/blob/master/errors.md") == \
        "https://raw.githubusercontent.com/binance/binance-spot-api-docs/master/errors.md"
    assert raw_url("https://example.com/blob/x/y") == "https://example.com/blob/x/y"


def test_init_with_a_url_downloads_the_first_page(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--url", f"{server}/page.html", "--source-id", "blocpal"]) == 0
    out = capsys.readouterr().out
    assert "wrote docs_src/blocpal.html" in out and "next: run `errgen generate`" in out
    assert (tmp_path / "docs_src/blocpal.html").read_bytes() == BLOCPAL
    assert 'path = "docs_src/blocpal.html"' in (tmp_path / "errgen.toml").read_text(encoding="utf-8")
    assert main(["generate"]) == 0
    assert len(json.loads((tmp_path / "output/json/blocpal.json").read_text(encoding="utf-8"))["errors"]) == 39
    # A Markdown page is saved as .md; a failed download writes nothing at all.
    (tmp_path / "md").mkdir()
    monkeypatch.chdir(tmp_path / "md")
    assert main(["init", "--url", f"{server}/errors.md"]) == 0
    assert (tmp_path / "md/docs_src/errors.md").read_bytes() == BLOCPAL_MD
    (tmp_path / "bad").mkdir()
    monkeypatch.chdir(tmp_path / "bad")
    capsys.readouterr()
    assert main(["init", "--url", f"{server}/missing"]) == 2
    assert "[fetch-http]" in capsys.readouterr().err and list((tmp_path / "bad").iterdir()) == []


def test_the_update_workflow_fetches_regenerates_and_describes_the_change(server: str, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           capsys: pytest.CaptureFixture[str],
                                                                           ) -> None:
    """examples/update-workflow.yml's steps, in bash as the runner runs them, up to the pull request
    (which needs GitHub): a page that changed gives a body with the diff; an unchanged one, no steps."""
    import os
    import subprocess
    import sys

    import yaml

    workflow = yaml.safe_load((Path(__file__).parent.parent / "examples" / "update-workflow.yml").read_text())
    assert workflow[True]["schedule"][0]["cron"].endswith("* * *")  # daily
    steps = {step.get("name"): step for step in workflow["jobs"]["update"]["steps"]}
    old = BLOCPAL.replace(b"-1000 UNKNOWN<", b"-1000 UNKNOWN_OLD<")
    root = project(tmp_path, f"{server}/page.html", page=old)
    monkeypatch.chdir(root)
    assert main(["generate"]) == 0
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "start"], cwd=root, check=True)
    output = tmp_path / "github_output"
    output.write_text("")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "GITHUB_OUTPUT": str(output)}

    def run(name: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", steps[name]["run"]],
                              cwd=root, env=env, capture_output=True, text=True, check=False)

    fetched = run("Download the published pages")
    assert fetched.returncode == 0, fetched.stderr
    assert output.read_text() == "changed=true\n"
    assert run("Regenerate the code").returncode == 0
    described = run("Describe the change")
    assert described.returncode == 0, described.stderr
    body = Path("/tmp/pr-body.md").read_text(encoding="utf-8")
    assert "### `docs_src/errors.html`" in body and "UNKNOWN_OLD" in body
    # The next day nothing changed: 304, and the later steps do not run.
    output.write_text("")
    assert run("Download the published pages").returncode == 0
    assert output.read_text() == "changed=false\n"
