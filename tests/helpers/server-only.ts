// Jest runs server modules in plain Node; the `server-only` guard is a no-op there.
export {};
