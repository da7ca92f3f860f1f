import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/header/site-header";
import { LiveProvider } from "@/components/live/live-provider";
import { NavigationWatchdog } from "@/components/navigation/navigation-watchdog";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Quorum", template: "%s · Quorum" },
  description: "Write, discuss and decide RFCs in Git.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="font-sans">
        {/* One live connection per page, shared by the bell and the RFC view (issue 14). */}
        <LiveProvider>
          <SiteHeader />
          {children}
        </LiveProvider>
        <NavigationWatchdog />
      </body>
    </html>
  );
}
