/**
 * {@code va bench server}: build latency against a streaming baseline ({@code BenchServerCommand}),
 * write throughput on an empty and a long log ({@code WriteThroughput}), crash durability of a
 * {@code ChildServer} killed with SIGKILL ({@code DurabilityCheck}), seeded malformed requests over
 * every route ({@code Fuzzer}), and a flood of wrong secrets ({@code PasswordFlood}).
 */
package org.videoannotator.bench.server;
