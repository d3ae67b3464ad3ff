"""The SQL warehouse: schema, migrations, loading and analyst queries."""
