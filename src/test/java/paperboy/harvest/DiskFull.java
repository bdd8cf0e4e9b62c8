package paperboy.harvest;

import paperboy.db.Database;

/**
 * Makes the store refuse to write harvest checkpoints with the error "disk full", on SQLite or
 * PostgreSQL, so that a harvest fails inside a page's transaction after its papers were written.
 */
final class DiskFull {
    private DiskFull() {}

    static void start(Database db) {
        switch (db.dialect()) {
            case SQLITE -> db.jdbi().useHandle(h -> {
                h.execute("CREATE TRIGGER refuse_insert BEFORE INSERT ON harvest_checkpoints "
                        + "BEGIN SELECT RAISE(ABORT, 'disk full'); END");
                h.execute("CREATE TRIGGER refuse_update BEFORE UPDATE ON harvest_checkpoints "
                        + "BEGIN SELECT RAISE(ABORT, 'disk full'); END");
            });
            case POSTGRESQL -> db.jdbi().useHandle(h -> {
                h.execute("CREATE FUNCTION refuse_checkpoint() RETURNS trigger LANGUAGE plpgsql AS "
                        + "'BEGIN RAISE EXCEPTION ''disk full''; END'");
                h.execute("CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON harvest_checkpoints "
                        + "FOR EACH ROW EXECUTE FUNCTION refuse_checkpoint()");
            });
        }
    }

    static void stop(Database db) {
        switch (db.dialect()) {
            case SQLITE -> db.jdbi().useHandle(h -> {
                h.execute("DROP TRIGGER refuse_insert");
                h.execute("DROP TRIGGER refuse_update");
            });
            case POSTGRESQL -> db.jdbi().useHandle(h -> {
                h.execute("DROP TRIGGER refuse ON harvest_checkpoints");
                h.execute("DROP FUNCTION refuse_checkpoint()");
            });
        }
    }
}
