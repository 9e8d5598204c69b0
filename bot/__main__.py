"""`python -m bot` runs the same command as the `peerbot` script."""

from bot.ask import main

if __name__ == "__main__":
    main()
