import { z } from "zod";

/**
 * The employer's mail settings (`/settings`): the server action parses the form's post with
 * this schema and the form shows its messages beside each field. No server imports, so client
 * code may use it, though the settings form leaves zod off its page (issue #16).
 */
export const MESSAGE_LANGUAGES = ["en", "fr", "es", "de"] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const MESSAGE_LANGUAGE_LABELS: Record<MessageLanguage, string> = {
  en: "English",
  fr: "Français",
  es: "Español",
  de: "Deutsch",
};

export const employerSettingsSchema = z.object({
  organizerName: z
    .string()
    .trim()
    .min(1, "Enter the name interviewees see the invitation from")
    .max(100, "Use 100 characters or fewer"),
  replyTo: z
    .string()
    .trim()
    .max(254, "Use 254 characters or fewer")
    .pipe(z.email("Enter an email address, like hiring@example.com")),
  contact: z
    .string()
    .trim()
    .min(1, "Enter how job seekers can reach you: an email address or a phone number")
    .max(200, "Use 200 characters or fewer"),
  defaultLanguage: z.enum(MESSAGE_LANGUAGES, "Choose English, French, Spanish or German"),
  /** Where job seekers send requests for their data (`/privacy`); empty means `contact`. */
  dataRequestsContact: z.string().trim().max(200, "Use 200 characters or fewer").optional(),
});

export type EmployerSettingsInput = z.input<typeof employerSettingsSchema>;
export type EmployerSettings = z.output<typeof employerSettingsSchema>;
