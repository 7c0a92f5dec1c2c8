"""eventwire: news reports of armed conflict and political violence → ACLED-style event data."""

__version__ = "0.11.0"
# Bumped whenever extraction output can change; stored with each document so a re-run with a
# newer pipeline re-processes it (issue 6).
PIPELINE_VERSION = "0.11.0"
