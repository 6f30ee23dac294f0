/**
 * Request hygiene below the routes: body and header limits, guards on Host and Origin, security
 * headers, TLS, and Jetty's own errors as JSON.
 */
package org.videoannotator.server.http;
