"""The app's screens: the review screen and its dialogs."""
