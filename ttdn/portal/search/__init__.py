"""Portal search: a syllable index of live, public articles (``index``), the
ranked, filtered query over it (``query``) and the signal receivers that keep it
current (``signals``). How it ranks: docs/portal.md, "How search ranks"."""
