// Small inline icons (SVG, so they render the same without an emoji font).

const base = "h-4 w-4 shrink-0 fill-none stroke-current";

export function CommentIcon({ className = "" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={`${base} ${className}`} strokeWidth={1.6} strokeLinejoin="round">
      <path d="M3.5 4.5h13v9h-7l-4 3v-3h-2z" />
    </svg>
  );
}

export function FlagIcon({ className = "" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={`${base} ${className}`} strokeWidth={1.6} strokeLinejoin="round" strokeLinecap="round">
      <path d="M5 17.5v-14M5 4h9l-2 3.5 2 3.5H5" />
    </svg>
  );
}

export function MenuIcon({ className = "" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={`${base} ${className}`} strokeWidth={1.8} strokeLinecap="round">
      <path d="M3.5 5.5h13M3.5 10h13M3.5 14.5h13" />
    </svg>
  );
}
