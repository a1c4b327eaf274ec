"""The ``copydesk`` command line: ``main`` (the Typer app and ``main``, the console script),
one module per command or group of commands (``*_command``), and what they share: the
consoles (``console``), the output options and exit statuses (``output_options``), the
project settings as the commands read them (``settings``) and the README's command
reference generated from them (``reference``).

``python -m copydesk.flows.cli`` runs the command, as the console script does.
"""
