"""Reports: the JSON contract, HTML and Markdown pages, the index and the terminal
summary. Never imports Prefect or ``flows``."""
