"use client";

import NextLink from "next/link";
import { useEffect, useRef, useState, type ComponentProps } from "react";

type Props = Omit<ComponentProps<typeof NextLink>, "href" | "prefetch"> & { href: string };

/** A pointer that rests this long on a link is reaching for it; one passing over a list on its way elsewhere is not. */
const DWELL_MS = 60;

/**
 * The app's one link to its own pages: next/link, prefetched when a reader
 * reaches for it (the pointer resting on it, keyboard focus, a touch)
 * rather than as soon as it scrolls into view. Every page here is dynamic,
 * and a viewport prefetch asks the server to render the target's layout and
 * loading state: a page of search results made 19 such requests and the RFC
 * view 10, each about 9 ms of the server's CPU at 10,000 RFCs, several times
 * the page's own cost (issue 15, bench/README.md). A hover comes a few
 * hundred ms before the click, time enough for the prefetch to land, so the
 * click still shows the target's loading state at once.
 *
 * Next's own pattern (its prefetching guide): the link's prefetch turns from
 * off to the default once reached for, and Next prefetches as it would have.
 */
export function Link({ onPointerEnter, onPointerLeave, onFocus, onTouchStart, ...rest }: Props) {
  const [reached, setReached] = useState(false);
  const dwell = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(dwell.current), []);
  const reach = () => setReached(true);
  return (
    <NextLink
      {...rest}
      prefetch={reached ? null : false}
      onPointerEnter={(e) => {
        if (e.pointerType === "mouse") dwell.current = window.setTimeout(reach, DWELL_MS);
        else reach();
        onPointerEnter?.(e);
      }}
      onPointerLeave={(e) => {
        window.clearTimeout(dwell.current);
        onPointerLeave?.(e);
      }}
      onFocus={(e) => {
        reach();
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        reach();
        onTouchStart?.(e);
      }}
    />
  );
}
