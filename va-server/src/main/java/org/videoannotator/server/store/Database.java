package org.videoannotator.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One SQLite file: a single writer connection (writes are serialised on it, each a transaction
 * committed with {@code synchronous=FULL} in WAL mode, so a committed write survives a crash or
 * {@code kill -9}) and a small pool of read connections that see the last committed state.
 */
final class Database implements AutoCloseable {
  /** Work on a connection that may fail with an SQL error. */
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private static final int READERS = 4;
  private final Path file;
  private final Connection writer;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

  Database(Path file) {
    this.file = file;
    try {
      writer = connect(file);
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
      }
      Migrations.migrate(writer);
      for (int i = 0; i < READERS; i++) {
        Connection reader = connect(file);
        try (Statement s = reader.createStatement()) {
          s.execute("PRAGMA query_only=ON");
        }
        readers.add(reader);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot open the annotation database " + file + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout=10000");
      s.execute("PRAGMA synchronous=FULL");
      s.execute("PRAGMA foreign_keys=ON");
    }
    return c;
  }

  /** Runs {@code work} as one transaction on the writer; returns after the commit is durable. */
  <T> T write(SqlWork<T> work) {
    synchronized (writer) {
      try {
        writer.setAutoCommit(false);
        try {
          T result = work.run(writer);
          writer.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          writer.rollback();
          throw e;
        } finally {
          writer.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw new StoreException("write to " + file + " failed: " + e.getMessage(), e);
      }
    }
  }

  /** Runs {@code work} on a pooled read connection (one consistent snapshot per call). */
  <T> T read(SqlWork<T> work) {
    Connection c;
    try {
      c = readers.poll(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a read connection", e);
    }
    if (c == null) {
      throw new StoreException("no read connection to " + file + " free after 30 s", null);
    }
    try {
      c.setAutoCommit(false);
      try {
        return work.run(c);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("read from " + file + " failed: " + e.getMessage(), e);
    } finally {
      readers.add(c);
    }
  }

  int schemaVersion() {
    return read(Migrations::version);
  }

  @Override
  public void close() {
    synchronized (writer) {
      try {
        writer.close();
        for (Connection c : readers) {
          c.close();
        }
      } catch (SQLException e) {
        throw new StoreException("closing " + file + " failed: " + e.getMessage(), e);
      }
    }
  }
}
