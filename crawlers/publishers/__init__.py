"""Per-publisher article parsers for outlets where generic extraction goes wrong."""
