package org.videoannotator.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One SQLite file: a single writer connection owned by one writer thread (writes are serialised on
 * it and committed with {@code synchronous=FULL} in WAL mode, so a committed write survives a crash
 * or {@code kill -9}) and a small pool of read connections that see the last committed state.
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
  private final LinkedBlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writerThread;
  private volatile boolean closed;

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
      throw new StoreException(
          "cannot open the annotation database " + file + ": " + e.getMessage(), e);
    }
    writerThread = new Thread(this::writerLoop, "va-store-writer");
    writerThread.setDaemon(true);
    writerThread.start();
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

  /** A write waiting for the writer thread, completed after its group's commit. */
  private static final class PendingWrite<T> {
    final SqlWork<T> work;
    final boolean bulk;
    final CompletableFuture<T> done = new CompletableFuture<>();
    T result;

    PendingWrite(SqlWork<T> work, boolean bulk) {
      this.work = work;
      this.bulk = bulk;
    }
  }

  /**
   * Runs {@code work} on the writer connection and returns after the transaction that holds it is
   * committed (durable). Writes waiting at the same time are committed together (group commit: one
   * fsync for several annotators); each runs inside its own savepoint, so one failing write is
   * rolled back alone and its exception rethrown here.
   */
  <T> T write(SqlWork<T> work) {
    return write(work, false);
  }

  /**
   * {@link #write} for a large write (a chunk of an import): it is committed in a group of its own,
   * so a single vote queued behind it waits for it alone, never also for the next chunk drained
   * into the vote's group.
   */
  <T> T writeBulk(SqlWork<T> work) {
    return write(work, true);
  }

  @SuppressWarnings("unchecked")
  private <T> T write(SqlWork<T> work, boolean bulk) {
    PendingWrite<T> pending = new PendingWrite<>(work, bulk);
    if (closed) {
      throw new StoreException("the annotation database " + file + " is closed", null);
    }
    queue.add(pending);
    try {
      return pending.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(
          "interrupted while waiting for a write to " + file + " (it may still commit)", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new StoreException(
          "write to " + file + " failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * The writer thread: takes every waiting write, runs them in one transaction, commits, answers.
   */
  private void writerLoop() {
    List<PendingWrite<?>> group = new ArrayList<>();
    while (true) {
      group.clear();
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      // Small writes go together; a bulk write goes alone (the writer thread is the only taker).
      if (!group.getFirst().bulk) {
        for (PendingWrite<?> next = queue.peek();
            next != null && !next.bulk && group.size() < MAX_GROUP;
            next = queue.peek()) {
          group.add(queue.poll());
        }
      }
      runGroup(group);
      if (group.contains(STOP)) {
        return;
      }
    }
  }

  private static final int MAX_GROUP = 256;
  private static final PendingWrite<Object> STOP = new PendingWrite<>(c -> null, false);

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void runGroup(List<PendingWrite<?>> group) {
    List<PendingWrite<?>> ok = new ArrayList<>();
    try {
      writer.setAutoCommit(false);
      for (PendingWrite p : group) {
        if (p == STOP) {
          p.done.complete(null);
          continue;
        }
        Savepoint savepoint = writer.setSavepoint();
        try {
          p.result = p.work.run(writer);
          writer.releaseSavepoint(savepoint);
          ok.add(p);
        } catch (SQLException | RuntimeException e) {
          writer.rollback(savepoint);
          p.done.completeExceptionally(
              e instanceof SQLException
                  ? new StoreException("write to " + file + " failed: " + e.getMessage(), e)
                  : e);
        }
      }
      writer.commit();
      for (PendingWrite p : ok) {
        p.done.complete(p.result);
      }
    } catch (SQLException | RuntimeException e) {
      try {
        writer.rollback();
      } catch (SQLException ignored) {
        // the commit failed; the rollback's failure adds nothing the caller can act on
      }
      failAll(ok, new StoreException("commit to " + file + " failed: " + e.getMessage(), e));
    } finally {
      try {
        writer.setAutoCommit(true);
      } catch (SQLException ignored) {
        // next group sets it again
      }
    }
  }

  private static void failAll(List<PendingWrite<?>> group, RuntimeException e) {
    for (PendingWrite<?> p : group) {
      p.done.completeExceptionally(e);
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
    closed = true;
    queue.add(STOP);
    try {
      writerThread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<PendingWrite<?>> late = new ArrayList<>();
    queue.drainTo(late);
    failAll(late, new StoreException("the annotation database " + file + " is closed", null));
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
