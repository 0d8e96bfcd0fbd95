"""The one error type loaders raise: its message is shown to the user as it is."""


class InputError(Exception):
    """Input we refuse, with a one-line message that says what is wrong and what to do.

    The CLI prints it and exits 2; the window shows it in a message box. It never carries a
    traceback to the user.
    """
