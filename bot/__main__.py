"""`python -m bot` runs the dagritme command."""

import sys

from bot.cli import main

sys.exit(main())
