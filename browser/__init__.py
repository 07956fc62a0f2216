"""`make e2e`: one school day in the Agents Playground, clicked through in Chromium."""
