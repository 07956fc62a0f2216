"""What the clock does: the planner that writes each moment's due prompts to the outbox (the
school day's own in `rhythm`), and what it asks of digests, OPP nudges, progress talks and
signals. Nothing here answers a person."""
