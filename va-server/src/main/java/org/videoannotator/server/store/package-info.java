/**
 * The annotation store: SQLite {@code annotations.db} in the corpus folder (an append-only event
 * log, its projection to current annotations), builds and model versions, migrations, and the
 * writer thread with its read pool.
 */
package org.videoannotator.server.store;
