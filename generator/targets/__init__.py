"""Targets: each turns a finished `ErrorPage` into `{relative path: text}`."""
