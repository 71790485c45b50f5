"""The staff console on the Django admin: the work queue, the review desk, actions, intake, import and export."""
