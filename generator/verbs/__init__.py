"""The verbs: what each command does, as functions that return results (cli.py prints)."""
