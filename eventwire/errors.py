"""Errors that keep their reason; the CLI and API translate them at the boundary."""


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input cannot be read: the message says which and why, in one line."""


class DataFileError(EventwireError):
    """A packaged or user data file is invalid: the message names file and line."""


class StoreError(EventwireError):
    """The event store cannot be opened, migrated or written."""
