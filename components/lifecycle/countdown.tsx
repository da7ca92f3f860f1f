"use client";

import { useEffect, useState } from "react";
import { formatRemaining } from "./format";


/** The server's time now (its clock may run ahead in tests), ticking every second. */
export function useServerNow(skewMs: number): number {
  const [now, setNow] = useState(() => Date.now() + skewMs);
  useEffect(() => {
    setNow(Date.now() + skewMs);
    const t = window.setInterval(() => setNow(Date.now() + skewMs), 1000);
    return () => window.clearInterval(t);
  }, [skewMs]);
  return now;
}

/** A live countdown to `endsAt`, with the exact end in a tooltip. */
export function Countdown({ endsAt, skewMs }: { endsAt: string; skewMs: number }) {
  const now = useServerNow(skewMs);
  const left = Date.parse(endsAt) - now;
  const end = new Date(endsAt);
  return (
    <time dateTime={endsAt} title={`Ends ${end.toISOString().replace("T", " ").slice(0, 16)} UTC`} className="tabular-nums">
      {left > 0 ? `${formatRemaining(left)} left` : "ended — recording the outcome…"}
    </time>
  );
}
