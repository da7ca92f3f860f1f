import { describeInstances } from "./instances-suite";

// Two instances through Redis against one PostgreSQL database (issue 19's production setup).
describeInstances("postgres");
