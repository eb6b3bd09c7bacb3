"""The progress letter: its content (``content``), charts, and the three
outputs made from the same data: HTML, PDF and DOCX."""
