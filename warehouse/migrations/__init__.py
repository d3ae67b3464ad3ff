"""Alembic migrations of the warehouse (run them with warehouse.db.upgrade or `khabar db upgrade`)."""
