"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { useNavigate } from "@/components/navigation/navigation-watchdog";
import type { NotificationView } from "@/lib/contracts/notifications";
import { useNotifications } from "./use-notifications";

// The bell in the header (§15): the unread count, and a list newest first —
// each entry names who acted and opens the place; opening one marks it read,
// "Mark all read" clears the count. Arrow keys move through the list (Radix
// DropdownMenu); it stays current live on every open page (issue 14).

const ago = (iso: string) => {
  const s = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
};

export function NotificationBell() {
  const n = useNotifications();
  const navigate = useNavigate();
  const open = (item: NotificationView) => {
    if (!item.read) void n.markRead({ ids: [item.id] });
    navigate(item.url);
  };
  const label = n.unread ? `Notifications, ${n.unread} unread` : "Notifications";
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-label={label}
        data-unread={n.unread}
        className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 data-[state=open]:bg-slate-100"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
          <path d="M10 2a5 5 0 0 0-5 5v2.6L3.3 13a.75.75 0 0 0 .65 1.1h12.1a.75.75 0 0 0 .65-1.1L15 9.6V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 1-2.45-2h4.9A2.5 2.5 0 0 1 10 18Z" />
        </svg>
        {n.unread ? (
          <span aria-hidden className="absolute -right-0.5 -top-0.5 min-w-[1.1rem] rounded-full bg-rose-600 px-1 text-center text-[10px] font-semibold leading-[1.1rem] text-white">
            {n.unread > 99 ? "99+" : n.unread}
          </span>
        ) : null}
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="z-50 flex max-h-[70vh] w-[min(24rem,calc(100vw-1rem))] flex-col rounded-lg border border-slate-200 bg-white text-sm shadow-lg">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <span className="font-semibold text-slate-900">Notifications</span>
            <Menu.Item
              disabled={!n.unread}
              onSelect={(e) => {
                e.preventDefault();
                void n.markRead({ all: true });
              }}
              className="cursor-pointer rounded px-1.5 py-0.5 text-xs text-indigo-700 outline-none data-[disabled]:cursor-default data-[highlighted]:bg-indigo-50 data-[disabled]:text-slate-400"
            >
              Mark all read
            </Menu.Item>
          </div>
          <div role="group" className="min-h-0 flex-1 overflow-y-auto py-1" aria-label="Notification list">
            {n.error ? <p role="alert" className="px-3 py-2 text-xs text-rose-700">{n.error}</p> : null}
            {!n.loaded ? <p className="px-3 py-4 text-center text-xs text-slate-500">Loading…</p> : null}
            {n.loaded && !n.items.length && !n.error ? <p className="px-3 py-6 text-center text-xs text-slate-500">Nothing yet. You will hear here when someone acts on your work.</p> : null}
            {n.items.map((item) => (
              <Menu.Item
                key={item.id}
                onSelect={() => open(item)}
                data-notification-id={item.id}
                data-read={item.read}
                className="flex cursor-pointer gap-2 px-3 py-2 outline-none data-[highlighted]:bg-slate-100"
              >
                <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${item.read ? "bg-transparent" : "bg-indigo-600"}`} />
                <span className="min-w-0 flex-1">
                  <span className={`block break-words ${item.read ? "text-slate-600" : "font-medium text-slate-900"}`}>{item.text}</span>
                  <span className="block text-[11px] text-slate-500">
                    {ago(item.createdAt)}
                    {item.read ? "" : <span className="sr-only"> (unread)</span>}
                  </span>
                </span>
              </Menu.Item>
            ))}
            {n.next ? (
              <Menu.Item
                onSelect={(e) => {
                  e.preventDefault();
                  void n.more();
                }}
                className="mx-3 my-1 cursor-pointer rounded border border-slate-200 px-2 py-1 text-center text-xs text-slate-700 outline-none data-[highlighted]:bg-slate-100"
              >
                Show older
              </Menu.Item>
            ) : null}
          </div>
          <div className="border-t border-slate-100 px-3 py-2 text-right">
            <Menu.Item onSelect={() => navigate("/settings/notifications")} className="cursor-pointer rounded px-1.5 py-0.5 text-xs text-slate-600 outline-none data-[highlighted]:bg-slate-100">
              Email settings
            </Menu.Item>
          </div>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
