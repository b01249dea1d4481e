"""Sizes and row counts of taskbot's SQLite store, and what the 7-day retention would leave (on a copy).

Usage: store_report.py STATE_DIR LABEL [--retention-copy]
Prints one JSON object: file sizes (taskbot.sqlite, -wal), rows per table, pending changes per state.
With --retention-copy it also copies the store, runs the cleanup's own DELETE statements as if 7 days had
passed (every finished change older than the cutoff), and reports the copy's size before and after VACUUM.
"""

import json
import os
import shutil
import sqlite3
import sys
import tempfile

state, label = sys.argv[1], sys.argv[2]
path = os.path.join(state, "taskbot.sqlite")


def size(p):
    return os.path.getsize(p) if os.path.exists(p) else 0


def describe(db_path):
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    rows = {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    states = dict(connection.execute("SELECT state, COUNT(*) FROM pending_changes GROUP BY state").fetchall())
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    free = connection.execute("PRAGMA freelist_count").fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    return {"rows": rows, "pending_by_state": states, "pages": pages, "free_pages": free, "page_size": page_size}


report = {"label": label, "sqlite_bytes": size(path), "wal_bytes": size(path + "-wal")}
report.update(describe(path))
if "--retention-copy" in sys.argv:
    copy_dir = tempfile.mkdtemp()
    copy = os.path.join(copy_dir, "copy.sqlite")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    # The statements of SQLiteBotStore.cleanUp, with "now" 7 days and a minute ahead.
    target.execute("UPDATE pending_changes SET state = 'expired' WHERE state = 'previewed'")
    target.execute("DELETE FROM pending_changes WHERE state NOT IN ('previewed', 'claimed')")
    target.execute("DELETE FROM replies")
    target.commit()
    after_delete = {t: target.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                    for (t,) in target.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before_vacuum = size(copy)
    target.execute("VACUUM")
    target.close()
    report["after_retention"] = {"rows": after_delete, "bytes_without_vacuum": before_vacuum,
                                 "bytes_after_vacuum": size(copy)}
    shutil.rmtree(copy_dir)
print(json.dumps(report))
