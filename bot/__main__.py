"""`python -m bot` runs the same command as the `peerbot` script.

Run with a Python that lacks peerbot's dependencies (a system `python3` beside the project's
virtual environment), importing the command fails deep in a module with a traceback that names
a C extension; it says instead which package is missing and how to install them.
"""

import sys


def _missing_dependency(error: ModuleNotFoundError) -> str:
    """One line for a dependency this Python lacks: what is missing and the fix."""
    return (
        f"peerbot: this Python ({sys.executable}) lacks its dependency {error.name!r}. "
        "Install peerbot into it (`pip install -e .`, see README) or run the virtual "
        "environment's `peerbot`."
    )


if __name__ == "__main__":
    # The command's modules are imported by `main` itself (bot.ask imports the answer path only
    # once the collector is paused), so a missing dependency may surface from either.
    try:
        from bot.ask import main

        main()
    except ModuleNotFoundError as error:
        if error.name is None or error.name.split(".")[0] == "bot":
            raise
        sys.exit(_missing_dependency(error))
