//! Tests of the text, JSONL, feed and WARC parsers and of format detection.
