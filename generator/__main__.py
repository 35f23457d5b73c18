"""`python -m errgen` is the `errgen` command."""

import sys

from .cli import main

sys.exit(main())
