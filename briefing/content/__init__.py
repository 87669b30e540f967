"""The report as data: the schema, loading and checking a content folder, selections."""
