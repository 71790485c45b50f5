"""Migration operations that build and drop indexes without blocking writes on PostgreSQL, and plainly elsewhere."""
from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations


class OnlineOnPostgres:
    """The concurrent operation (the next class in the MRO) on PostgreSQL; ``plain`` on other databases."""

    plain = None

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        operation = super() if schema_editor.connection.vendor == "postgresql" else self.plain_operation()
        return operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        operation = super() if schema_editor.connection.vendor == "postgresql" else self.plain_operation()
        return operation.database_backwards(app_label, schema_editor, from_state, to_state)

    def plain_operation(self):
        return self.plain(*self.deconstruct()[1], **self.deconstruct()[2])


class AddIndexOnline(OnlineOnPostgres, AddIndexConcurrently):
    """CREATE INDEX CONCURRENTLY on PostgreSQL, so a large live table keeps taking submissions; AddIndex elsewhere."""

    plain = migrations.AddIndex


class RemoveIndexOnline(OnlineOnPostgres, RemoveIndexConcurrently):
    """DROP INDEX CONCURRENTLY on PostgreSQL; RemoveIndex elsewhere."""

    plain = migrations.RemoveIndex


def create_index_online(name, definition):
    """RunPython that creates index ``name`` ON ``definition`` CONCURRENTLY, on PostgreSQL only (and drops it back)."""

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {definition}")

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")

    return migrations.RunPython(forward, backward)


def drop_index_online(name, definition):
    """The reverse of create_index_online: drops index ``name`` CONCURRENTLY (and creates it back ON ``definition``)."""
    create = create_index_online(name, definition)
    return migrations.RunPython(create.reverse_code, create.code)
