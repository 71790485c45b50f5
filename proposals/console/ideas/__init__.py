"""The idea desk of the console: the list of ideas, an idea's members beside its text, its decision and history."""
