import { getConfig } from "@/lib/config";

// Email is optional (issue 14): on when SMTP_URL and MAIL_FROM are both set.
export const mailEnabled = () => !!getConfig().mail;
