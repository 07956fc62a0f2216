"""What the clock does: the planner that writes each day's due prompts to the outbox, and what it
asks of digests, OPP nudges, progress talks and signals. Nothing here answers a person."""
