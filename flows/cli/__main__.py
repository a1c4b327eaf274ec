"""``python -m copydesk.flows.cli``: the ``copydesk`` command, run by an interpreter (the
tests run the checkout under test this way, whatever console script is installed)."""

from copydesk.flows.cli.entry import main

if __name__ == "__main__":
    main()
