/**
 * How long a server started by a journey may take to answer: a fresh data directory is migrated
 * and seeded first, which took 45 s on a two-core machine with a load average of 15 (about 8 s idle).
 */
export const SERVER_START_MS = 180_000;

/** A journey that starts servers of its own: their start-up on top of the journey's own work. */
export const WITH_OWN_SERVER_MS = SERVER_START_MS + 120_000;
