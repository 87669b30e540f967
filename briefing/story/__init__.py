"""From a report and options to a deck plan: the planner, the templates, text fitting."""
