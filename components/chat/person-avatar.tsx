/* eslint-disable @next/next/no-img-element -- avatars come from the Gitea host, not optimisable by next/image without config */
import { initials } from "./format";

export function PersonAvatar({ name, src, size = 28 }: { name: string; src?: string | null; size?: number }) {
  const style = { width: size, height: size };
  if (src) return <img src={src} alt="" style={style} className="shrink-0 rounded-full bg-slate-200 object-cover" />;
  return (
    <span aria-hidden style={style} className="grid shrink-0 place-items-center rounded-full bg-slate-200 text-[11px] font-semibold text-slate-600">
      {initials(name)}
    </span>
  );
}
