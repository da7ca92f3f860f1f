import { channel } from "@/lib/coordination/bus";

// Stop (issue 14): the asker or an owner ends an AI reply early. The reply
// runs wherever it was asked; the request to stop reaches it on the app's
// one bus, whichever server process answered the Stop.

export type StopRequest = { login: string; name: string };

const stops = channel<StopRequest>("ai-stop");

export const requestStop = (messageId: string, by: StopRequest) => stops.publish(messageId, by);
export const onStopRequest = (messageId: string, listener: (by: StopRequest) => void) => stops.subscribe(messageId, listener);
