/**
 * The annotation server: the route table ({@code ApiRoutes}), Javalin's configuration ({@code
 * VaServer}), {@code /api/info}, the runtime that opens and closes everything, and the {@code va
 * serve} and {@code va users} commands. Features live in subpackages.
 */
package org.videoannotator.server;
