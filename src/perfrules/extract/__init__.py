"""The extract stage: read a report as it is written (.txt, .docx, .xlsx, .pdf) into a format-1 report."""
