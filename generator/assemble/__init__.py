"""Assembling: a reader's `RawPage` -> the model, by the rules that hold for every layout."""
