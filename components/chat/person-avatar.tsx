"use client";
/* eslint-disable @next/next/no-img-element -- avatars come from the Gitea host, not optimisable by next/image without config */

import { useState } from "react";
import { initials } from "./format";

/** A person's avatar; initials when there is no image or it fails to load. */
export function PersonAvatar({ name, src, size = 28 }: { name: string; src?: string | null; size?: number }) {
  const [broken, setBroken] = useState(false);
  const style = { width: size, height: size };
  if (src && !broken) return <img src={src} alt="" style={style} onError={() => setBroken(true)} className="shrink-0 rounded-full bg-slate-200 object-cover" />;
  return (
    <span aria-hidden style={style} className="grid shrink-0 place-items-center rounded-full bg-slate-200 text-[11px] font-semibold text-slate-600">
      {initials(name)}
    </span>
  );
}
