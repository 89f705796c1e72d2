"""The one exception type for problems a user can fix."""


class FactcheckError(Exception):
    """Bad input or usage; the message names the file and the problem, on one line."""
