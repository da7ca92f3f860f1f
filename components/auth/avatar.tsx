// A person's Gitea avatar, or their initial when Gitea has none. A plain
// <img>: avatars live on the Gitea host, which next/image would have to
// allow-list per deployment.
export function Avatar({ src, name, size = 28 }: { src: string; name: string; size?: number }) {
  const initial = (name.trim()[0] ?? "?").toUpperCase();
  if (!src)
    return (
      <span
        aria-hidden
        style={{ width: size, height: size }}
        className="inline-flex shrink-0 items-center justify-center rounded-full bg-slate-300 text-xs font-semibold text-slate-700"
      >
        {initial}
      </span>
    );
  return (
    // eslint-disable-next-line @next/next/no-img-element -- external Gitea host, see above
    <img src={src} alt="" width={size} height={size} className="shrink-0 rounded-full bg-slate-200" />
  );
}
