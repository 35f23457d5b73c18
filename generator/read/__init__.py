"""Readers: a page's text -> one `RawPage` (codes as listed, with source positions).

A reader knows a layout; `assemble` knows the rules every layout shares.
"""
