"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import type { ReactNode } from "react";
import { Tip } from "@/components/ui/tip";

// A button that opens a short list of actions, on Radix UI's DropdownMenu:
// arrow keys move between items, Enter picks, Escape or a click outside
// closes it and focus returns to the button.

export type MenuItem = { label: string; onSelect: () => void; danger?: boolean; disabled?: boolean; hint?: string };

export function MenuButton({ label, items, children }: { label: string; items: MenuItem[]; children: ReactNode }) {
  if (!items.length) return null;
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger aria-label={label} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 data-[state=open]:bg-slate-100">
        {children}
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} className="z-50 w-52 rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {items.map((it) => (
            <Tip key={it.label} text={it.hint}>
              <Menu.Item
                disabled={it.disabled}
                onSelect={it.onSelect}
                className={`block w-full cursor-pointer px-3 py-1.5 text-left outline-none data-[disabled]:cursor-not-allowed data-[highlighted]:bg-slate-100 data-[disabled]:opacity-50 ${it.danger ? "text-rose-700" : "text-slate-800"}`}
              >
                {it.label}
              </Menu.Item>
            </Tip>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
