"""The public site: submission, tracking, the register, statistics and the open-data page, in three languages."""
