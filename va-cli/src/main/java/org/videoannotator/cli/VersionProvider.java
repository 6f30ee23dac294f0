package org.videoannotator.cli;

import picocli.CommandLine;

/** {@code va --version}: the project version and the runtime it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Va.class.getPackage().getImplementationVersion();
    return new String[] {
      "va " + (version == null ? "(development build)" : version),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
      "License: GPL-3.0-or-later"
    };
  }
}
