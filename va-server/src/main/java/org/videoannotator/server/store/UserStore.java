package org.videoannotator.server.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Accounts of a corpus (table {@code users}) and the audit trail of destructive actions (table
 * {@code audit}). A user's secret is made here, shown once, and stored only as an Argon2id hash.
 */
public final class UserStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Database db;

  UserStore(Database db) {
    this.db = db;
  }

  /** An account. */
  public record User(String name, Role role, Instant created) {}

  /** One audited action. */
  public record AuditEntry(long id, Instant time, String actor, String action, String detail) {}

  /**
   * Adds {@code name} with {@code role}; returns its new secret (the only time it is known).
   *
   * @throws IllegalArgumentException if the name is taken or not a plain name
   */
  public String add(String name, Role role) {
    if (name == null || !name.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException(
          "a user name is 1-64 letters, digits or . _ @ -, got '" + name + "'");
    }
    String secret = newSecret();
    String hash = SecretHash.hash(secret);
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO users(name, role, secret_hash, created) VALUES (?,?,?,?) ON CONFLICT(name) DO NOTHING")) {
            ps.setString(1, name);
            ps.setString(2, role.wire());
            ps.setString(3, hash);
            ps.setString(4, Instant.now().toString());
            if (ps.executeUpdate() == 0) {
              throw new IllegalArgumentException(
                  "user '" + name + "' exists; remove it first or pick another name");
            }
          }
          return null;
        });
    audit(name, "user-added", role.wire());
    return secret;
  }

  /** Replaces {@code name}'s secret; returns the new one. */
  public String resetSecret(String name) {
    String secret = newSecret();
    String hash = SecretHash.hash(secret);
    int n =
        db.write(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("UPDATE users SET secret_hash=? WHERE name=?")) {
                ps.setString(1, hash);
                ps.setString(2, name);
                return ps.executeUpdate();
              }
            });
    if (n == 0) {
      throw new IllegalArgumentException("no user '" + name + "'");
    }
    audit(name, "secret-reset", "");
    return secret;
  }

  public boolean remove(String name) {
    boolean removed =
        db.write(
            c -> {
              try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE name=?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
              }
            });
    if (removed) {
      audit(name, "user-removed", "");
    }
    return removed;
  }

  public List<User> list() {
    return db.read(
        c -> {
          List<User> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT name, role, created FROM users ORDER BY name")) {
            while (rs.next()) {
              out.add(
                  new User(
                      rs.getString(1),
                      Role.fromWire(rs.getString(2)),
                      Instant.parse(rs.getString(3))));
            }
          }
          return out;
        });
  }

  public boolean any() {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT 1 FROM users LIMIT 1")) {
            return rs.next();
          }
        });
  }

  /**
   * The account these are the name and secret of, with its current secret hash as a stamp (a
   * session remembers it; a reset or a removal changes it). Argon2id: deliberately slow, and as
   * slow for a name without an account.
   */
  public Optional<Verified> verify(String name, String secret) {
    if (name == null || secret == null) {
      return Optional.empty();
    }
    Optional<Verified> row =
        db.read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT name, role, created, secret_hash FROM users WHERE name=?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next()
                      ? Optional.of(
                          new Verified(
                              new User(
                                  rs.getString(1),
                                  Role.fromWire(rs.getString(2)),
                                  Instant.parse(rs.getString(3))),
                              rs.getString(4)))
                      : Optional.<Verified>empty();
                }
              }
            });
    if (row.isEmpty()) {
      SecretHash.matchesNoAccount(secret);
      return Optional.empty();
    }
    return row.filter(r -> SecretHash.matches(secret, r.stamp()));
  }

  /** An account whose secret was just checked, and the stamp of that secret (its stored hash). */
  public record Verified(User user, String stamp) {}

  /** The current stamp of {@code name}'s secret, empty once the account is removed. */
  public Optional<String> stamp(String name) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT secret_hash FROM users WHERE name=?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /** Records a destructive action by {@code actor}. */
  public void audit(String actor, String action, String detail) {
    db.write(
        c -> {
          audit(c, actor, action, detail);
          return null;
        });
  }

  /** Records an action inside the caller's transaction (so it is durable with what it records). */
  static void audit(Connection c, String actor, String action, String detail) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO audit(time, actor, action, detail) VALUES (?,?,?,?)")) {
      ps.setString(1, Instant.now().toString());
      ps.setString(2, actor);
      ps.setString(3, action);
      ps.setString(4, detail == null ? "" : detail);
      ps.executeUpdate();
    }
  }

  /** The newest {@code limit} audit entries, newest first. */
  public List<AuditEntry> auditTrail(int limit) {
    return db.read(
        c -> {
          List<AuditEntry> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, time, actor, action, detail FROM audit ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new AuditEntry(
                        rs.getLong(1),
                        Instant.parse(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)));
              }
            }
          }
          return out;
        });
  }

  private static String newSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
