# Site settings, YAML, themes, photos and files.
