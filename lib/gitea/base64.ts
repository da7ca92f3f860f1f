// Gitea's contents API speaks base64; documents are UTF-8 text.

export function encodeBase64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

export function decodeBase64(b64: string | null | undefined): string {
  return Buffer.from(b64 ?? "", "base64").toString("utf8");
}
