"""The JSON target: the document other tools read, its writer and its filters."""
