"""`errgen lint` across the configured pages: a code whose name differs between
pages (Binance's -4005: a quantity on USDⓈ-M, a rate limit on SAPI) is one
notice with both places; codes named alike, and translations, are not."""

from __future__ import annotations

from pathlib import Path

from support import ROOT, make_project, run_errgen

RULE = "[code-differs-across-pages]"


def test_binance_pages_report_a_code_with_two_meanings_at_both_places() -> None:
    result = run_errgen("lint", cwd=ROOT / "examples" / "binance")
    assert result.returncode == 0, result.stderr  # a notice is no error
    notices = [line for line in result.stderr.splitlines() if line.endswith(RULE)]
    assert ("docs_src/binance-wallet.md:583:1: notice: code -4005 is named 'CAPAITAL_TOO_MANY_REQUEST' and "
            "'QTY_GREATER_THAN_MAX_QTY' on sapi and on usdm (docs_src/binance-usdm.md:335): one code, two meanings; "
            "handle it per page " + RULE) in notices
    assert any(line.startswith("docs_src/binance-usdm.md:53:1: notice: code -1008 is named 'Request Throttled' and "
                               "'SERVER_BUSY' on usdm and on spot (docs_src/binance-spot.md:33)") for line in notices)
    # -1003 TOO_MANY_REQUESTS is named alike on every page (escaped as TOO\_MANY\_REQUESTS on coinm)
    assert not any(" code -1003 " in line or " code -1121 " in line for line in notices)
    assert len(notices) == len(set(notices))


def test_a_translated_page_is_not_a_code_with_another_meaning() -> None:
    result = run_errgen("lint", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert not any("binance-spot-zh-cn.md" in line and line.endswith(RULE) for line in result.stderr.splitlines())


def test_unnamed_codes_compare_their_messages(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a": "## Errors\n\n- `10001` Request parameter error\n- `10002` Timeout\n",
                                   "b": "## Errors\n\n- `10001` Insufficient balance\n- `10002` Timeout.\n"})
    result = run_errgen("lint", cwd=root)
    notices = [line for line in result.stderr.splitlines() if line.endswith(RULE)]
    assert notices == ["docs_src/b.md:3:3: notice: code 10001 has no message in common on b and on a "
                       "(docs_src/a.md:3): one code, two meanings; handle it per page " + RULE]
