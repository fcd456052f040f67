"""Review pages: a record drawn over its document."""
