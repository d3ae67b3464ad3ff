"""The labelled news corpus (train/dev/test JSONL) and the code that generates it."""
