"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect } from "react";

// A click on a link must open its page. Next 15.5's app router at times
// never commits a client navigation when the machine is busy: the page's
// payload arrives (200), and the transition that should show it is never
// retried, so the click is lost and the URL stays where it was
// (vercel/next.js#96413, #98305; here a phone's branch switch stalled in 6
// of 48 runs beside two busy processes, and once in CI). Next itself falls
// back to the browser's own navigation when a payload cannot be fetched;
// this does the same when a link the router took over (or a useNavigate()
// push) has not moved the URL STALL_MS after its payload arrived, or
// NO_ANSWER_MS after the click when no payload ever does.
//
// The wait counts from the payload's arrival, not from the click: a slow
// server is not a stalled router, and a second, full load of the page on a
// server already slow to answer the first only makes it slower (a fixed
// 5 s from the click did that to a branch switch in CI).

/** After the payload arrived: far beyond the few ms a commit takes, short enough that a person would not yet have given up. */
export const STALL_MS = 5000;
/** After the click, when the router's request for the page never answers. */
export const NO_ANSWER_MS = 20_000;

/** The page `href` leads to, when it is another page of this origin. */
function elsewhere(href: string): URL | null {
  const to = new URL(href, location.href);
  const here = new URL(location.href);
  return to.origin !== here.origin || (to.pathname === here.pathname && to.search === here.search) ? null : to;
}

/** Whether a finished request was the router's fetch of `to`'s payload: the page's own URL with Next's `_rsc` cache key. */
function isPayloadOf(entry: PerformanceEntry, to: URL): boolean {
  const url = new URL(entry.name);
  if (!url.searchParams.has("_rsc")) return false;
  url.searchParams.delete("_rsc");
  return url.origin === to.origin && url.pathname === to.pathname && url.searchParams.toString() === new URLSearchParams(to.search).toString();
}

let watching: (() => void) | undefined;

/** Waits for the router to move the URL towards `to`, and has the browser go there itself if it does not. */
function watch(to: URL, from = location.href): void {
  watching?.(); // the newest navigation is the one that counts
  // Any move of the URL (the page, or a redirect of it) means the router committed.
  const moved = () => location.href !== from;
  let stall: number | undefined;
  // Resource entries, not the buffer: an observer sees each finished request even once the buffer is full.
  const arrivals = new PerformanceObserver((list) => {
    if (moved()) return stop();
    if (!list.getEntries().some((e) => isPayloadOf(e, to))) return;
    window.clearTimeout(stall);
    stall = window.setTimeout(go, STALL_MS);
  });
  // Also what ends a watch the router committed when no request follows: go() finds the URL moved.
  const noAnswer = window.setTimeout(go, NO_ANSWER_MS);
  function stop() {
    window.clearTimeout(noAnswer);
    window.clearTimeout(stall);
    arrivals.disconnect();
    if (watching === stop) watching = undefined;
  }
  function go() {
    stop();
    if (!moved()) location.assign(to.href);
  }
  arrivals.observe({ type: "resource" });
  watching = stop;
}

/** The anchor a click the client router took over was on, when it leads to another page of this origin. */
function routedLink(e: MouseEvent): URL | null {
  // Next's <Link> prevents the default of exactly the clicks it navigates itself.
  if (!e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
  if (!(a instanceof HTMLAnchorElement) || a.closest("[contenteditable=true]") || a.hasAttribute("download")) return null;
  if (a.target && a.target !== "_self") return null;
  return elsewhere(a.href);
}

/** Installed once (app/layout.tsx): watches every link the router takes over. */
export function NavigationWatchdog() {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const to = routedLink(e);
      if (to) watch(to);
    };
    // Bubbling to the document comes after React's own listener, so the router has decided by then.
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("click", onClick);
      watching?.();
    };
  }, []);
  return null;
}

/** router.push for code that navigates (a menu item, a dialog's close), watched as a link's click is. */
export function useNavigate(): (href: string) => void {
  const router = useRouter();
  return useCallback(
    (href: string) => {
      const [to, from] = [elsewhere(href), location.href];
      router.push(href);
      if (to) watch(to, from);
    },
    [router],
  );
}
