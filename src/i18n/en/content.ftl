# The content stage.
