"use client";

// "N new messages" (issue 14): shown over the bottom of a chat the reader
// has scrolled up in; a click brings them to the newest message.

export function NewMessagesPill({ count, onClick }: { count: number; onClick: () => void }) {
  if (count <= 0) return null;
  return (
    <div className="pointer-events-none absolute inset-x-0 bottom-2 flex justify-center">
      <button
        type="button"
        onClick={onClick}
        className="pointer-events-auto rounded-full bg-indigo-600 px-3 py-1 text-xs font-medium text-white shadow-md hover:bg-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-300"
      >
        {count} new message{count === 1 ? "" : "s"} ↓
      </button>
    </div>
  );
}
