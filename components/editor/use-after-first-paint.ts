"use client";

import { useEffect, useState } from "react";

// False until the browser has painted the first frame after mount: work a
// person does not need to start reading or typing (an editor's tracked
// changes, say) waits for it, so that what they need shows first (issue 15:
// an 86 KB document editable within 150 ms).

/** A frame is requested, and the paint that follows it is over when a task queued from it runs; a hidden tab paints no frames, hence the timer too. */
const FALLBACK_MS = 250;

export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const done = () => setPainted(true);
    let task = 0;
    const frame = window.requestAnimationFrame(() => (task = window.setTimeout(done, 0)));
    const fallback = window.setTimeout(done, FALLBACK_MS);
    return () => {
      window.cancelAnimationFrame(frame);
      window.clearTimeout(task);
      window.clearTimeout(fallback);
    };
  }, []);
  return painted;
}
