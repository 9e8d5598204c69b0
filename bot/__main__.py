"""`python -m bot` runs the same CLI as the `peerbot` script."""

from bot.cli import main

if __name__ == "__main__":
    main()
