/**
 * Who may do what: bearer tokens and sessions, accounts and their roles, throttled password checks,
 * TLS options.
 */
package org.videoannotator.server.auth;
