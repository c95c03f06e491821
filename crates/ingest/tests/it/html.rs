//! Tests of the HTML parser over the pages in `tests/data/html`.
