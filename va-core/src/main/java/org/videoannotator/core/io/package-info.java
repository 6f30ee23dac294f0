/**
 * Files on disk: whole-file replacement a crash cannot leave half-written ({@code AtomicFiles}) and
 * the one recursive delete ({@code FileTrees}).
 */
package org.videoannotator.core.io;
