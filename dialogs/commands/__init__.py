"""What people ask for: chat commands and card actions, one module per subject. Every module here
registers its commands with the router's decorators and is found by `dialogs.registry`."""
