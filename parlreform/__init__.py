"""parlreform: the Parliamentary Reform Working Group's proposal tracker."""
