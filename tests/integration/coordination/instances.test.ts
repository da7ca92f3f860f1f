import { describeInstances } from "./instances-suite";

// Two instances through Redis sharing one SQLite file (WAL): what one host can run.
describeInstances("sqlite");
