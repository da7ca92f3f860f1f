"use client";

import { useEffect, useRef, useState } from "react";

// A person's Gitea avatar, or their initial when there is none or it does
// not load. A plain <img>: avatars live on the Gitea host, which next/image
// would have to allow-list per deployment. An image that failed before
// React hydrated never fires onError for us, so the mount effect also
// looks at what the browser already knows (complete with no pixels).
export function Avatar({ src, name, size = 28 }: { src: string; name: string; size?: number }) {
  const [broken, setBroken] = useState(!src);
  const img = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const el = img.current;
    if (el?.complete && el.naturalWidth === 0) setBroken(true);
  }, [src]);
  const style = { width: size, height: size };
  if (broken)
    return (
      <span aria-hidden style={style} className="inline-grid shrink-0 place-items-center rounded-full bg-slate-300 text-xs font-semibold text-slate-700">
        {(name.trim()[0] ?? "?").toUpperCase()}
      </span>
    );
  return (
    // eslint-disable-next-line @next/next/no-img-element -- external Gitea host, see above
    <img ref={img} src={src} alt="" style={style} onError={() => setBroken(true)} className="shrink-0 rounded-full bg-slate-200 object-cover" />
  );
}
