"""A bundled sample news site (three fictional outlets) that `khabar demo` crawls offline."""
